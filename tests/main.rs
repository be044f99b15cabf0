//! The one integration-test binary: runs the real `claimwatch` binary over
//! temp dirs. Modules group tests by command.

mod diff_cli;
mod extract_cli;
