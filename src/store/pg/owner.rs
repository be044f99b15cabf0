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

/// Takes every root of `wanted`, or none: returns those held by another
/// node (and then keeps none of the others either).
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
    let mut got = Vec::new();
    for root in wanted {
        let ok: bool = client
            .query_one("SELECT pg_try_advisory_lock($1)", &[&key(root)])?
            .get(0);
        if ok {
            got.push(root);
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
    if !held.is_empty() {
        // All or nothing: two nodes each holding one root the other wants
        // would otherwise wait for each other for ever.
        for root in got {
            client.execute("SELECT pg_advisory_unlock($1)", &[&key(root)])?;
        }
        return Ok(held);
    }
    for root in got {
        client.execute(
            "INSERT INTO owners (root, node, since) VALUES ($1, $2, now())
             ON CONFLICT (root) DO UPDATE SET node = excluded.node, since = excluded.since",
            &[root, &node],
        )?;
    }
    Ok(held)
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use crate::store::Store;
    use crate::store::testing::{drop_schema, scratch_url};

    fn roots(r: &[&str]) -> Vec<String> {
        r.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_root_has_one_owner_and_a_partial_claim_keeps_nothing() {
        let (schema, url) = scratch_url();
        let t = Duration::from_secs(10);
        // Unique roots: advisory locks are database-wide, not per schema.
        let r1 = format!("/owner-test/{schema}/one");
        let r2 = format!("/owner-test/{schema}/two");
        let a = Store::connect(&url, "a", &[]).expect("a");
        let b = Store::connect(&url, "b", &[]).expect("b");
        assert!(
            a.claim_roots(&roots(&[&r1]), t)
                .expect("a claims")
                .is_empty()
        );
        let held = b.claim_roots(&roots(&[&r2, &r1]), t).expect("b claims");
        assert_eq!(held.len(), 1);
        assert_eq!(
            (held[0].root.as_str(), held[0].node.as_deref()),
            (r1.as_str(), Some("a"))
        );
        // b kept neither root: a third node can take the other one.
        let c = Store::connect(&url, "c", &[]).expect("c");
        assert!(
            c.claim_roots(&roots(&[&r2]), t)
                .expect("c claims")
                .is_empty()
        );
        // The owner going away frees its root: once the server has ended
        // a's session, which happens just after the client closes it (a
        // standby polls, as b does here).
        drop(a);
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        loop {
            let held = b.claim_roots(&roots(&[&r1]), t).expect("b again");
            if held.is_empty() {
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "a's root still held 10 s after a closed: {held:?}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        drop((b, c));
        drop_schema(&schema);
    }
}
