//! The one integration-test binary: runs the real `claimwatch` binary over
//! temp dirs. Modules group tests by command.

mod alerts_sinks;
mod alerts_support;
mod alerts_webhook;
mod article_parse;
mod backend_support;
mod daemon_cli;
mod daemon_events;
mod daemon_feeds;
mod daemon_restart;
mod daemon_support;
mod diff_cli;
mod extract_cli;
mod feed_cli;
mod metrics_endpoint;
mod publish_nats;
mod publish_support;
mod reliability_faults;
mod reliability_input;
mod reliability_load;
mod reliability_security;
mod reliability_support;
mod report_browser;
mod report_cli;
mod report_support;
mod store_postgres;
mod tail_cli;
