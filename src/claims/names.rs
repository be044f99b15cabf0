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
    "aaron", "adam", "ahmed", "alan", "albert", "alex", "alexander", "alfred", "andrew", "andy",
    "anthony", "antonio", "arthur", "barry", "ben", "benjamin", "bernard", "bill", "billy", "bob",
    "bobby", "brad", "bradley", "brandon", "brian", "bruce", "bryan", "carl", "carlos", "charles",
    "charlie", "chris", "christopher", "chuck", "clarence", "colin", "craig", "dale", "dan",
    "daniel", "danny", "darrell", "dave", "david", "dennis", "derek", "dick", "dmitry", "don",
    "donald", "doug", "douglas", "duncan", "dwight", "earl", "eddie", "edward", "eric", "ernest",
    "eugene", "francisco", "frank", "fred", "frederick", "gary", "gene", "george", "gerald",
    "giovanni", "glenn", "gordon", "graham", "greg", "gregory", "hans", "harold", "harry", "hassan",
    "henry", "howard", "hugh", "ian", "isaac", "ivan", "jack", "jacob", "jake", "james", "jason",
    "jeff", "jeffrey", "jeremy", "jerry", "jesse", "jim", "jimmy", "joe", "joel", "john", "johnny",
    "jon", "jonathan", "jose", "joseph", "josh", "joshua", "juan", "justin", "keith", "ken",
    "kenneth", "kevin", "klaus", "kurt", "larry", "lawrence", "leo", "leonard", "louis", "luigi",
    "luis", "luke", "manuel", "marco", "marcus", "mark", "martin", "matt", "matthew", "michael",
    "miguel", "mike", "mitch", "mitchell", "mohammed", "muhammad", "nathan", "neil", "nicholas",
    "nick", "noah", "norman", "oliver", "omar", "oscar", "patrick", "paul", "pedro", "pete",
    "peter", "phil", "philip", "pierre", "rafael", "ralph", "randy", "ray", "raymond", "richard",
    "rick", "rob", "robert", "rodrigo", "roger", "ron", "ronald", "roy", "russell", "ryan", "sam",
    "samuel", "scott", "sean", "sergei", "simon", "stephen", "steve", "steven", "stuart", "ted",
    "terry", "thomas", "tim", "timothy", "todd", "tom", "tommy", "tony", "travis", "victor",
    "vincent", "vladimir", "walter", "wayne", "william", "willie", "zach",
];

#[rustfmt::skip]
const FEMALE: &[&str] = &[
    "abigail", "aisha", "alice", "alicia", "amanda", "amy", "andrea", "angela", "ann", "anna",
    "anne", "barbara", "beatriz", "betty", "beverly", "brenda", "carla", "carly", "carmen", "carol",
    "caroline", "catherine", "cheryl", "christina", "christine", "claire", "cynthia", "dana",
    "debbie", "deborah", "denise", "diana", "diane", "donna", "doris", "dorothy", "elena",
    "elizabeth", "ellen", "emily", "emma", "evelyn", "fatima", "frances", "gloria", "grace",
    "greta", "hannah", "heather", "heidi", "helen", "ingrid", "irina", "isabel", "jane", "janet",
    "janice", "jennifer", "jessica", "jill", "joan", "joanne", "joyce", "judith", "judy", "julia",
    "julie", "karen", "kate", "katherine", "kathleen", "kathy", "kelly", "kim", "kimberly", "laura",
    "lauren", "linda", "lisa", "loretta", "lori", "louise", "lucia", "lucy", "madeleine",
    "margaret", "maria", "marie", "marilyn", "martha", "mary", "megan", "melanie", "melissa",
    "michelle", "monica", "nancy", "natalia", "natalie", "nicole", "nikki", "nina", "olga",
    "olivia", "pamela", "patricia", "paula", "rachel", "rebecca", "rose", "ruth", "samantha",
    "sandra", "sarah", "sharon", "sheila", "shirley", "sonia", "sophia", "stephanie", "susan",
    "susana", "suzanne", "teresa", "theresa", "tina", "ursula", "valerie", "victoria",
    "wendy", "yuki",
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
}
