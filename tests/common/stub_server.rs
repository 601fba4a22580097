//! A tiny HTTP/1.1 server on 127.0.0.1 for client tests that need responses a real Backend.AI
//! server never gives: HTML errors, endless waits, broken connections, huge or malformed bodies.

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// Picks the behaviour for a request from its method and path.
pub type Router = Arc<dyn Fn(&str, &str) -> Behaviour + Send + Sync>;

/// What the stub does with each request.
#[derive(Clone)]
pub enum Behaviour {
    /// Responds with this status, content type and body.
    Respond {
        status: u16,
        content_type: &'static str,
        body: Vec<u8>,
    },
    /// Accepts the connection, reads the request and never responds.
    Silent,
    /// Sends the status line and half of the headers, then closes the connection.
    HangUpMidway,
    /// Chooses the behaviour per request from its method and path (query included).
    Route(Router),
}

impl std::fmt::Debug for Behaviour {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Respond { status, .. } => write!(formatter, "Respond({status})"),
            Self::Silent => formatter.write_str("Silent"),
            Self::HangUpMidway => formatter.write_str("HangUpMidway"),
            Self::Route(_) => formatter.write_str("Route"),
        }
    }
}

/// Builds a JSON response with status 200.
pub fn json(body: &str) -> Behaviour {
    Behaviour::Respond {
        status: 200,
        content_type: "application/json",
        body: body.as_bytes().to_vec(),
    }
}

/// A running stub; it stops accepting when dropped.
pub struct StubServer {
    pub base_url: String,
    stopped: Arc<AtomicBool>,
}

impl StubServer {
    pub fn start(behaviour: Behaviour) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base_url = format!("http://{}", listener.local_addr().unwrap());
        let stopped = Arc::new(AtomicBool::new(false));
        let thread_stopped = Arc::clone(&stopped);
        listener.set_nonblocking(true).unwrap();
        std::thread::Builder::new()
            .name("stub-http-server".to_owned())
            .spawn(move || {
                let mut open_connections = Vec::new();
                while !thread_stopped.load(Ordering::Relaxed) {
                    match listener.accept() {
                        Ok((stream, _)) => {
                            stream.set_nonblocking(false).unwrap();
                            if let Some(kept) = serve(stream, &behaviour) {
                                open_connections.push(kept);
                            }
                        }
                        Err(_) => std::thread::sleep(Duration::from_millis(5)),
                    }
                }
            })
            .unwrap();
        Self { base_url, stopped }
    }
}

impl Drop for StubServer {
    fn drop(&mut self) {
        self.stopped.store(true, Ordering::Relaxed);
    }
}

/// Handles one connection; returns it when it must stay open without an answer.
fn serve(stream: TcpStream, behaviour: &Behaviour) -> Option<TcpStream> {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut content_length = 0_usize;
    let mut request_line = String::new();
    let _ = reader.read_line(&mut request_line);
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or_default().to_owned();
    let path = parts.next().unwrap_or_default().to_owned();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            content_length = value.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0; content_length];
    let _ = reader.read_exact(&mut body);

    let mut stream = stream;
    let routed;
    let behaviour = match behaviour {
        Behaviour::Route(route) => {
            routed = route(&method, &path);
            &routed
        }
        other => other,
    };
    match behaviour {
        Behaviour::Respond {
            status,
            content_type,
            body,
        } => {
            let head = format!(
                "HTTP/1.1 {status} Stub\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(body);
            None
        }
        Behaviour::Silent => Some(stream),
        Behaviour::HangUpMidway => {
            let _ = stream
                .write_all(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Le");
            None
        }
        // A route returns a concrete behaviour; a route that returns a route answers nothing.
        Behaviour::Route(_) => None,
    }
}

/// A TCP forwarder from a loopback port to `upstream`, which the test can stop and restart to
/// play a network outage.
pub struct Forwarder {
    pub port: u16,
    stopped: Arc<AtomicBool>,
}

impl Forwarder {
    /// Forwards a new loopback port, or `port` when given, to `upstream` (`host:port`).
    pub fn start(upstream: &str, port: Option<u16>) -> Self {
        let listener = TcpListener::bind(("127.0.0.1", port.unwrap_or(0))).unwrap();
        let port = listener.local_addr().unwrap().port();
        listener.set_nonblocking(true).unwrap();
        let stopped = Arc::new(AtomicBool::new(false));
        let thread_stopped = Arc::clone(&stopped);
        let upstream = upstream.to_owned();
        std::thread::Builder::new()
            .name("test-forwarder".to_owned())
            .spawn(move || {
                while !thread_stopped.load(Ordering::Relaxed) {
                    match listener.accept() {
                        Ok((client, _)) => {
                            client.set_nonblocking(false).unwrap();
                            let Ok(server) = TcpStream::connect(&upstream) else {
                                continue;
                            };
                            pipe(client.try_clone().unwrap(), server.try_clone().unwrap());
                            pipe(server, client);
                        }
                        Err(_) => std::thread::sleep(Duration::from_millis(5)),
                    }
                }
            })
            .unwrap();
        Self { port, stopped }
    }
}

impl Drop for Forwarder {
    fn drop(&mut self) {
        self.stopped.store(true, Ordering::Relaxed);
        // Let the accept loop see the flag and close the listening socket.
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn pipe(mut from: TcpStream, mut to: TcpStream) {
    std::thread::Builder::new()
        .name("test-forwarder-pipe".to_owned())
        .spawn(move || {
            let _ = std::io::copy(&mut from, &mut to);
            let _ = to.shutdown(std::net::Shutdown::Both);
        })
        .unwrap();
}
