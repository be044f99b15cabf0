//! Which node owns a root ([`claim`]): a session-level PostgreSQL advisory
//! lock per root, keyed by a hash of the root, taken on the node's store
//! connection. The lock lives exactly as long as that connection: a node
//! that is killed or loses its host drops it, and a standby that asks
//! again gets it. The `owners` table only says who holds a root, for
//! people and log lines; the lock is what decides.

use std::time::Duration;

use postgres::Client;

use super::super::Result;

/// A root another node holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    pub root: String,
    /// The holder as it recorded itself, when it did.
    pub node: Option<String>,
}

/// The advisory lock key of a root: the same on every node and version.
pub fn key(root: &str) -> i64 {
    let h = blake3::hash(format!("claimwatch-root:{root}").as_bytes());
    let mut b = [0u8; 8];
    b.copy_from_slice(&h.as_bytes()[..8]);
    i64::from_le_bytes(b)
}

/// Tries to take each of `wanted`; returns those held by another node.
///
/// Also tells the server to notice this connection's death within about
/// half of `takeover` (TCP keepalives and user timeout, per session), so
/// that a host that vanishes without closing its socket frees its roots
/// in time for a standby polling at a fraction of `takeover`.
pub fn claim(
    client: &mut Client,
    node: &str,
    wanted: &[String],
    takeover: Duration,
) -> Result<Vec<Held>> {
    let idle = (takeover.as_secs() / 4).max(1);
    client.batch_execute(&format!(
        "SET tcp_keepalives_idle = {idle}; SET tcp_keepalives_interval = 1;
         SET tcp_keepalives_count = 2; SET tcp_user_timeout = {};",
        (takeover.as_millis() / 2).max(1000)
    ))?;
    let mut held = Vec::new();
    for root in wanted {
        let got: bool = client
            .query_one("SELECT pg_try_advisory_lock($1)", &[&key(root)])?
            .get(0);
        if got {
            client.execute(
                "INSERT INTO owners (root, node, since) VALUES ($1, $2, now())
                 ON CONFLICT (root) DO UPDATE SET node = excluded.node, since = excluded.since",
                &[root, &node],
            )?;
        } else {
            let holder = client
                .query_opt("SELECT node FROM owners WHERE root = $1", &[root])?
                .map(|r| r.get::<_, String>(0));
            held.push(Held {
                root: root.clone(),
                node: holder,
            });
        }
    }
    Ok(held)
}
