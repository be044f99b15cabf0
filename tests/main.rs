//! The one integration-test binary: runs the real `claimwatch` binary over
//! temp dirs. Modules group tests by command.

mod article_parse;
mod extract_cli;
