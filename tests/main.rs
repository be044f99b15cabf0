//! The one integration-test binary: runs the real `claimwatch` binary over
//! temp dirs. Modules group tests by command.

mod article_parse;
mod daemon_cli;
mod daemon_events;
mod daemon_restart;
mod daemon_support;
mod diff_cli;
mod extract_cli;
mod reliability_faults;
mod reliability_input;
mod reliability_load;
mod reliability_security;
mod reliability_support;
