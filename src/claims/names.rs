//! Common given names and the gender they usually mark, so "she said" can
//! skip "Tom Egger" and "he said" can reach a man the article only
//! mentioned ("… met Paul Marsh on Friday. 'It went well,' he said.").
//!
//! Main entry: [`given_name`]. The lists are common English-language given
//! names; a name on neither list simply tells nothing.

/// What a given name says about the person's gender.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameGender {
    Male,
    Female,
}

#[rustfmt::skip]
const MALE: &[&str] = &[
    "aaron", "abraham", "adam", "adrian", "ahmad", "ahmed", "al", "alan", "albert", "alberto",
    "alejandro", "alex", "alexander", "alexei", "alfred", "ali", "allen", "alvin", "andre",
    "andrei", "andres", "andrew", "andy", "angelo", "anthony", "anton", "antonio", "armando",
    "arnold", "arthur", "austin", "barry", "ben", "benjamin", "benny", "bernard", "bernie", "bert",
    "bill", "billy", "blake", "bob", "bobby", "boris", "brad", "bradley", "brandon", "brent",
    "bret", "brett", "brian", "bruce", "bryan", "caleb", "calvin", "carl", "carlos", "chad",
    "charles", "charlie", "chet", "chris", "christopher", "chuck", "clarence", "clint", "cody",
    "cole", "colin", "cory", "craig", "curtis", "dale", "damian", "dan", "daniel", "danny",
    "darrell", "darren", "darryl", "dave", "david", "dennis", "derek", "derrick", "devin", "dick",
    "diego", "dmitri", "dmitry", "dominic", "don", "donald", "donnie", "doug", "douglas", "duncan",
    "dwight", "dylan", "earl", "ed", "eddie", "edgar", "eduardo", "edward", "elijah", "elliot",
    "emmanuel", "enrique", "eric", "erik", "ernest", "ethan", "eugene", "evan", "felix", "fernando",
    "floyd", "francisco", "francois", "frank", "fred", "frederick", "gabriel", "garrett", "gary",
    "gavin", "gene", "george", "gerald", "gerard", "gilbert", "giovanni", "glenn", "gordon",
    "graham", "greg", "gregory", "hans", "harold", "harry", "hassan", "hector", "henry", "herbert",
    "herman", "homer", "howard", "hugh", "ian", "ibrahim", "igor", "isaac", "isaiah", "ivan",
    "jack", "jacob", "jacques", "jaime", "jake", "jamal", "james", "jared", "jason", "javier",
    "jay", "jeff", "jeffrey", "jeremiah", "jeremy", "jerome", "jerry", "jesse", "jesus", "jim",
    "jimmy", "joaquin", "joe", "joel", "joey", "john", "johnny", "jon", "jonathan", "jorge", "jose",
    "josef", "joseph", "josh", "joshua", "juan", "julian", "julio", "justin", "karl", "keith",
    "ken", "kenneth", "kent", "kevin", "kirk", "klaus", "kurt", "kyle", "lance", "larry",
    "lawrence", "leo", "leon", "leonard", "leroy", "lloyd", "lorenzo", "louis", "lucas", "luigi",
    "luis", "luke", "luther", "malcolm", "manuel", "marc", "marco", "marcus", "mario", "mark",
    "martin", "marvin", "mason", "matt", "matthew", "maurice", "max", "melvin", "micah", "michael",
    "mickey", "miguel", "mike", "mikhail", "miles", "milton", "mitch", "mitchell", "mohamed",
    "mohammed", "moses", "muhammad", "mustafa", "nate", "nathan", "nathaniel", "ned", "neil",
    "nicholas", "nick", "nigel", "nikolai", "noah", "noel", "norman", "oliver", "omar", "orlando",
    "oscar", "otto", "pablo", "patrick", "paul", "pavel", "pedro", "pete", "peter", "phil",
    "philip", "pierre", "preston", "quentin", "rafael", "ralph", "randall", "randy", "raul", "ray",
    "raymond", "reggie", "reginald", "rex", "ricardo", "richard", "richie", "rick", "ricky", "rob",
    "robbie", "robert", "rocco", "rod", "rodney", "rodrigo", "roger", "roland", "roman", "ron",
    "ronald", "ronnie", "ross", "roy", "rudolph", "rudy", "rupert", "russell", "ryan", "salvador",
    "sam", "samuel", "santiago", "saul", "scott", "sean", "sebastian", "sergei", "sergey", "sergio",
    "seth", "shane", "shawn", "sidney", "simon", "stan", "stefan", "stephen", "steve", "steven",
    "stuart", "sylvester", "ted", "terrence", "terry", "theodore", "thomas", "tim", "timothy",
    "tobias", "todd", "tom", "tommy", "tony", "travis", "troy", "tyler", "vernon", "victor",
    "viktor", "vince", "vincent", "vladimir", "wade", "walter", "wayne", "wesley", "wilbur",
    "willard", "william", "willie", "wolfgang", "xavier", "yuri", "yusuf", "zach", "zachary",
];

#[rustfmt::skip]
const FEMALE: &[&str] = &[
    "abigail", "ada", "adriana", "agnes", "aileen", "aisha", "alexandra", "alice", "alicia",
    "alison", "allison", "alma", "amanda", "amelia", "amy", "ana", "anastasia", "andrea", "angela",
    "angelina", "anita", "ann", "anna", "anne", "annette", "annie", "antonia", "ariana", "audrey",
    "ava", "barbara", "beatrice", "beatriz", "becky", "belinda", "bernadette", "beth", "bethany",
    "betsy", "betty", "beverly", "bianca", "bonnie", "brenda", "brianna", "bridget", "brittany",
    "brooke", "camila", "candace", "carla", "carly", "carmen", "carol", "caroline", "carolyn",
    "carrie", "cassandra", "catherine", "cathy", "cecilia", "celia", "chelsea", "cheryl", "chloe",
    "christina", "christine", "christy", "cindy", "claire", "clara", "claudia", "colleen", "connie",
    "constance", "courtney", "cynthia", "dana", "danielle", "daphne", "darlene", "debbie",
    "deborah", "debra", "delia", "della", "denise", "diana", "diane", "dolores", "dominique",
    "donna", "doris", "dorothy", "edith", "edna", "eileen", "elaine", "eleanor", "elena", "elisa",
    "elise", "eliza", "elizabeth", "ella", "ellen", "ellie", "eloise", "elsa", "emilia", "emily",
    "emma", "erica", "erin", "esther", "ethel", "eva", "evelyn", "fatima", "felicia", "fiona",
    "frances", "francesca", "gabriela", "gabrielle", "gail", "gina", "gloria", "grace", "greta",
    "gwen", "gwendolyn", "hannah", "harriet", "hazel", "heather", "heidi", "helen", "hilary",
    "hillary", "holly", "ida", "ingrid", "irene", "irina", "isabel", "isabella", "jacqueline",
    "jane", "janelle", "janet", "janice", "jeanne", "jeannie", "jenna", "jennifer", "jenny",
    "jessica", "jill", "joan", "joanne", "jocelyn", "josephine", "joyce", "juanita", "judith",
    "judy", "julia", "julie", "justine", "kara", "karen", "karin", "kate", "katelyn", "katherine",
    "kathleen", "kathy", "katie", "katrina", "kay", "kayla", "kelly", "kim", "kimberly", "kirsten",
    "krista", "kristen", "kristin", "kristina", "lana", "laura", "lauren", "laurie", "leah",
    "leila", "lena", "lila", "lillian", "lily", "linda", "lisa", "liz", "lois", "loretta", "lori",
    "lorraine", "louise", "lucia", "lucy", "lydia", "lynn", "mabel", "madeleine", "madeline", "mae",
    "maggie", "mandy", "marcia", "margaret", "margarita", "margie", "maria", "marian", "marianne",
    "marie", "marilyn", "marina", "marisa", "marjorie", "marlene", "marsha", "marta", "martha",
    "mary", "maureen", "maxine", "maya", "megan", "melanie", "melinda", "melissa", "meredith",
    "mia", "michele", "michelle", "mildred", "miranda", "miriam", "molly", "mona", "monica",
    "nadia", "nadine", "nancy", "naomi", "natalia", "natalie", "natasha", "nicole", "nikki", "nina",
    "nora", "norma", "olga", "olivia", "paige", "pamela", "patricia", "patsy", "patty", "paula",
    "peggy", "penelope", "penny", "phyllis", "priscilla", "rachael", "rachel", "ramona", "rebecca",
    "regina", "renee", "rhonda", "rita", "roberta", "rosa", "rose", "rosemary", "roxanne", "ruth",
    "sabrina", "sally", "samantha", "sandra", "sara", "sarah", "selena", "serena", "shannon",
    "sharon", "sheila", "sherry", "shirley", "simone", "sofia", "sonia", "sonya", "sophia",
    "sophie", "stacy", "stella", "stephanie", "sue", "susan", "susana", "susie", "suzanne",
    "svetlana", "sylvia", "tamara", "tammy", "tanya", "tara", "tatiana", "teresa", "theresa",
    "tiffany", "tina", "ursula", "valerie", "vanessa", "vera", "veronica", "victoria", "viola",
    "vivian", "wanda", "wendy", "yolanda", "yuki", "yvonne", "zoe",
];

/// The gender a given name usually marks ("Paul" → male), matched without
/// regard to case; `None` for a word on neither list.
pub fn given_name(word: &str) -> Option<NameGender> {
    let w = word.trim_matches(|c: char| !c.is_alphabetic());
    if w.len() > 16 || !w.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let key = name_key(w);
    let keys = &*KEYS;
    keys.binary_search_by_key(&key, |&(k, _)| k)
        .ok()
        .map(|i| keys[i].1)
}

/// A word of at most 16 bytes lower-cased and packed big-endian into one
/// integer, zero-padded: integer order is the names' byte order, so one
/// compare replaces a string compare in the binary search.
pub(super) fn name_key(w: &str) -> u128 {
    let mut bytes = [0u8; 16];
    for (slot, b) in bytes.iter_mut().zip(w.bytes()) {
        *slot = b.to_ascii_lowercase();
    }
    u128::from_be_bytes(bytes)
}

/// Both lists as sorted keys with their gender.
static KEYS: std::sync::LazyLock<Vec<(u128, NameGender)>> = std::sync::LazyLock::new(|| {
    let mut keys: Vec<(u128, NameGender)> = MALE
        .iter()
        .map(|n| (name_key(n), NameGender::Male))
        .chain(FEMALE.iter().map(|n| (name_key(n), NameGender::Female)))
        .collect();
    keys.sort_unstable_by_key(|&(k, _)| k);
    keys
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_lower_case_and_disjoint() {
        for list in [MALE, FEMALE] {
            assert!(list.windows(2).all(|w| w[0] < w[1]));
            // Keys pack at most 16 bytes.
            assert!(list.iter().all(|n| n.len() <= 16));
            assert!(
                list.iter()
                    .all(|n| n.bytes().all(|b| b.is_ascii_lowercase()))
            );
        }
        assert!(MALE.iter().all(|m| FEMALE.binary_search(m).is_err()));
    }

    #[test]
    fn common_names_mark_a_gender_and_others_tell_nothing() {
        assert_eq!(given_name("Paul"), Some(NameGender::Male));
        assert_eq!(given_name("Susan"), Some(NameGender::Female));
        assert_eq!(given_name("Harbor"), None);
        // Lower-case words are not names ("bill", "mark").
        assert_eq!(given_name("bill"), None);
    }

    #[test]
    fn familiar_forms_are_names_but_places_months_and_surnames_are_not() {
        assert_eq!(given_name("Hillary"), Some(NameGender::Female));
        assert_eq!(given_name("Bernie"), Some(NameGender::Male));
        assert_eq!(given_name("Mikhail"), Some(NameGender::Male));
        assert_eq!(given_name("Zoe"), Some(NameGender::Female));
        // A state, a month, common surnames and a modal tell nothing.
        for word in ["Virginia", "June", "Clinton", "Warren", "Will", "Jordan"] {
            assert_eq!(given_name(word), None, "{word}");
        }
    }
}
