//! Helpers for the alert tests: a tiny HTTP receiver on 127.0.0.1 (std
//! only, no external network) that can fail, hang or answer, and a daemon
//! start with extra environment variables.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::sync::{Arc, Mutex};

use crate::daemon_support::*;

/// How the receiver treats the next request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Answer 500 to this many more requests, then 200.
    FailFirst(u32),
    /// Accept the connection, read the request, never answer.
    Hang,
    /// 200 OK.
    Ok,
}

/// One request the receiver saw.
#[derive(Debug, Clone)]
pub struct Request {
    pub headers: Vec<(String, String)>,
    pub body: String,
    pub answered: u16,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A receiver on 127.0.0.1:<port>, recording every request.
pub struct Receiver {
    pub port: u16,
    pub mode: Arc<Mutex<Mode>>,
    pub seen: Arc<Mutex<Vec<Request>>>,
}

impl Receiver {
    pub fn start(mode: Mode) -> Receiver {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        let port = listener.local_addr().expect("addr").port();
        let mode = Arc::new(Mutex::new(mode));
        let seen = Arc::new(Mutex::new(Vec::new()));
        let (m, s) = (mode.clone(), seen.clone());
        std::thread::spawn(move || {
            let mut hung: Vec<TcpStream> = Vec::new();
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                if let Some(held) = handle(stream, &m, &s) {
                    hung.push(held);
                }
                if *m.lock().expect("mode") != Mode::Hang {
                    hung.clear();
                }
            }
        });
        Receiver { port, mode, seen }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/alerts", self.port)
    }

    pub fn set(&self, mode: Mode) {
        *self.mode.lock().expect("mode") = mode;
    }

    pub fn requests(&self) -> Vec<Request> {
        self.seen.lock().expect("seen").clone()
    }

    /// The bodies answered 200, parsed.
    pub fn delivered(&self) -> Vec<serde_json::Value> {
        self.requests()
            .iter()
            .filter(|r| r.answered == 200)
            .map(|r| serde_json::from_str(&r.body).expect("alert body is JSON"))
            .collect()
    }
}

/// Reads one request and answers per the mode; returns the stream to hold
/// open when hanging.
fn handle(stream: TcpStream, mode: &Mutex<Mode>, seen: &Mutex<Vec<Request>>) -> Option<TcpStream> {
    let mut reader = BufReader::new(stream.try_clone().ok()?);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut headers = Vec::new();
    let mut len = 0usize;
    loop {
        let mut h = String::new();
        reader.read_line(&mut h).ok()?;
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            if k.eq_ignore_ascii_case("content-length") {
                len = v.trim().parse().unwrap_or(0);
            }
            headers.push((k.trim().to_string(), v.trim().to_string()));
        }
    }
    let mut body = vec![0u8; len];
    reader.read_exact(&mut body).ok()?;
    let now = *mode.lock().expect("mode");
    let status = match now {
        Mode::Hang => 0,
        Mode::FailFirst(n) if n > 0 => {
            *mode.lock().expect("mode") = Mode::FailFirst(n - 1);
            500
        }
        _ => 200,
    };
    seen.lock().expect("seen").push(Request {
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
        answered: status,
    });
    if status == 0 {
        return Some(stream);
    }
    let mut stream = stream;
    let reason = if status == 200 { "OK" } else { "Server Error" };
    let _ = write!(
        stream,
        "HTTP/1.1 {status} {reason}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
    );
    None
}

/// `Daemon::start` with extra environment variables.
pub fn start_env(root: &Path, state: &Path, extra: &[&str], env: &[(&str, &str)]) -> Daemon {
    std::fs::create_dir_all(root).expect("root dir");
    Daemon::start_with_env(root, state, extra, env)
}

/// Writes a config file into `dir` and returns its path as a string.
pub fn config(dir: &Path, text: &str) -> String {
    let p = dir.join("claimwatch.toml");
    std::fs::write(&p, text).expect("write config");
    p.display().to_string()
}
