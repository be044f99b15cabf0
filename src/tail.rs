//! `claimwatch tail`: the change log rendered for people.
