//! The one integration-test binary: runs the real `claimwatch` binary over
//! temp dirs. Modules group tests by command.

mod article_parse;
mod daemon_cli;
mod daemon_events;
mod daemon_restart;
mod daemon_support;
mod diff_cli;
mod extract_cli;
