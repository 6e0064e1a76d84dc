//! The telnet protocol as DGD speaks it, without sockets: input bytes in,
//! lines and protocol replies out; output text in, wire bytes out.
//!
//! DGD's behaviour (comm.cpp), which this follows:
//! - on connect the server sends `IAC WONT ECHO, IAC DO LINEMODE`;
//! - `send_message(0)` sends `IAC WILL ECHO` (the server "echoes", so the
//!   client stops echoing: password entry), `send_message(1)` `IAC WONT ECHO`;
//! - a line ends at CR, LF, CR LF or CR NUL; BS and DEL erase one byte of the
//!   current line; NUL is dropped; `IAC IAC` is a 255 byte;
//! - `DO TIMING-MARK` → `WONT TIMING-MARK`; `DO SGA` → `WILL SGA` (no GA);
//!   `DONT SGA` → `WONT SGA` (GA after each prompt); `WILL LINEMODE` → the
//!   `SB LINEMODE MODE EDIT SE` request; other options are ignored;
//!   subnegotiations are skipped up to `IAC SE`; `IAC IP` → DEL, `IAC BRK`
//!   → FS, `IAC AYT` → `\r\n[version]\r\n`;
//! - a line longer than the input buffer is delivered in buffer-sized pieces;
//!   (a line end right after a full piece is an empty line, as in DGD);
//! - protocol replies are separate writes, each refused whole when the
//!   output buffer cannot take it (see [`write_len`]);
//! - output: LF becomes CR LF, IAC is doubled, in chunks of at most
//!   `OUTBUF_SIZE` bytes that each start a new chunk at an IAC; when the
//!   output buffer fills up, a chunk is cut where the room ends (a CR can
//!   go without its LF) and `send_message` returns how many bytes of the
//!   string DGD counts as taken ([`encode_chunks`]).

use std::collections::VecDeque;

pub const IAC: u8 = 255;
pub const DONT: u8 = 254;
pub const DO: u8 = 253;
pub const WONT: u8 = 252;
pub const WILL: u8 = 251;
pub const SB: u8 = 250;
pub const GA: u8 = 249;
pub const AYT: u8 = 246;
pub const BREAK: u8 = 243;
pub const IP: u8 = 244;
pub const SE: u8 = 240;
pub const TELOPT_ECHO: u8 = 1;
pub const TELOPT_SGA: u8 = 3;
pub const TELOPT_TM: u8 = 6;
pub const TELOPT_LINEMODE: u8 = 34;
const LM_MODE: u8 = 1;
const MODE_EDIT: u8 = 1;

/// DGD's telnet input buffer size: the longest line delivered in one piece.
pub const INBUF_SIZE: usize = 2048;
/// DGD's telnet output chunk size (`OUTBUF_SIZE`).
pub const OUTBUF_SIZE: usize = 8192;
/// The longest IAC sequence DGD sends (`MAXIACSEQLEN`): a write that starts
/// with IAC is refused whole when fewer bytes than this fit.
pub const MAXIACSEQLEN: usize = 7;

/// The bytes sent when a telnet connection opens.
pub const GREETING: [u8; 6] = [IAC, WONT, TELOPT_ECHO, IAC, DO, TELOPT_LINEMODE];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Data,
    CrData,
    Iac,
    Do,
    Dont,
    Will,
    Wont,
    Sb,
    Se,
}

/// Input side of one telnet connection.
#[derive(Debug)]
pub struct TelnetIn {
    state: State,
    line: Vec<u8>,
    max_line: usize,
    /// Complete lines, oldest first, without their terminators.
    pub lines: VecDeque<Vec<u8>>,
    /// The client asked for go-ahead after prompts (`DONT SGA`).
    pub go_ahead: bool,
    version: String,
}

impl TelnetIn {
    pub fn new(max_line: usize, version: &str) -> Self {
        TelnetIn {
            state: State::Data,
            line: Vec::new(),
            max_line: max_line.max(1),
            lines: VecDeque::new(),
            go_ahead: false,
            version: version.to_string(),
        }
    }

    /// Bytes of the line being assembled.
    pub fn partial_len(&self) -> usize {
        self.line.len()
    }

    fn push_byte(&mut self, b: u8) {
        self.line.push(b);
        if self.line.len() >= self.max_line {
            self.lines.push_back(std::mem::take(&mut self.line));
        }
    }

    fn end_line(&mut self) {
        self.lines.push_back(std::mem::take(&mut self.line));
    }

    /// At end of input, a partial line is delivered as a line (as DGD adds
    /// the missing newline).
    pub fn finish(&mut self) {
        if !self.line.is_empty() {
            self.end_line();
        }
    }

    /// Feeds received bytes; protocol replies are appended to `reply`, one
    /// entry per reply (each is a separate write, as in DGD).
    pub fn feed(&mut self, input: &[u8], reply: &mut Vec<Vec<u8>>) {
        for &b in input {
            self.state = match self.state {
                State::Data => match b {
                    IAC => State::Iac,
                    8 | 0x7f => {
                        self.line.pop();
                        State::Data
                    }
                    b'\r' => {
                        self.end_line();
                        State::CrData
                    }
                    b'\n' => {
                        self.end_line();
                        State::Data
                    }
                    0 => State::Data,
                    b => {
                        self.push_byte(b);
                        State::Data
                    }
                },
                State::CrData => match b {
                    IAC => State::Iac,
                    b'\r' => {
                        self.end_line();
                        State::CrData
                    }
                    0 | b'\n' | 8 | 0x7f => State::Data,
                    b => {
                        self.push_byte(b);
                        State::Data
                    }
                },
                State::Iac => match b {
                    IAC => {
                        self.push_byte(IAC);
                        State::Data
                    }
                    DO => State::Do,
                    DONT => State::Dont,
                    WILL => State::Will,
                    WONT => State::Wont,
                    SB => State::Sb,
                    IP => {
                        reply.push(vec![0x7f]);
                        State::Data
                    }
                    BREAK => {
                        reply.push(vec![0x1c]);
                        State::Data
                    }
                    AYT => {
                        reply.push(format!("\r\n[{}]\r\n", self.version).into_bytes());
                        State::Data
                    }
                    _ => State::Data,
                },
                State::Do => {
                    if b == TELOPT_TM {
                        reply.push(vec![IAC, WONT, TELOPT_TM]);
                    } else if b == TELOPT_SGA {
                        self.go_ahead = false;
                        reply.push(vec![IAC, WILL, TELOPT_SGA]);
                    }
                    State::Data
                }
                State::Dont => {
                    if b == TELOPT_SGA {
                        self.go_ahead = true;
                        reply.push(vec![IAC, WONT, TELOPT_SGA]);
                    }
                    State::Data
                }
                State::Will => {
                    if b == TELOPT_LINEMODE {
                        reply.push(vec![IAC, SB, TELOPT_LINEMODE, LM_MODE, MODE_EDIT, IAC, SE]);
                    }
                    State::Data
                }
                State::Wont => State::Data,
                State::Sb => {
                    if b == IAC {
                        State::Se
                    } else {
                        State::Sb
                    }
                }
                State::Se => {
                    if b == SE {
                        State::Data
                    } else {
                        State::Sb
                    }
                }
            };
        }
    }
}

/// How many bytes of a write of `len` bytes an output buffer with `room`
/// bytes left takes (DGD's `User::write`): all that fit, except that a
/// telnet write starting with IAC is refused whole when fewer than
/// `MAXIACSEQLEN` of its bytes fit, so no IAC sequence is ever cut.
pub fn write_len(chunk: &[u8], room: usize, telnet: bool) -> usize {
    if chunk.len() <= room {
        return chunk.len();
    }
    if room == 0 || (telnet && chunk.first() == Some(&IAC) && room < MAXIACSEQLEN) {
        return 0;
    }
    room
}

/// Encodes `text` for a telnet client as DGD's `send_message` does, into an
/// output buffer with `room` bytes left: LF → CR LF and IAC doubled, in
/// chunks that start anew at every IAC and hold at most `OUTBUF_SIZE` bytes,
/// each written with [`write_len`]. Returns the wire bytes taken and the
/// number of bytes of `text` counted as sent (DGD's count: a cut chunk is
/// counted back from its end, so a CR written without its LF does not count
/// the LF).
pub fn encode_chunks(text: &[u8], mut room: usize) -> (Vec<u8>, usize) {
    let mut wire = Vec::with_capacity(text.len().min(room) + 8);
    let mut chunk: Vec<u8> = Vec::with_capacity(OUTBUF_SIZE);
    let mut i = 0;
    loop {
        if i == text.len() || chunk.len() >= OUTBUF_SIZE - 1 || text[i] == IAC {
            let n = write_len(&chunk, room, true);
            wire.extend_from_slice(&chunk[..n]);
            room -= n;
            if n != chunk.len() {
                // count back over what was not written
                let (mut p, mut q, mut unwritten) = (i, chunk.len(), 0usize);
                for _ in 0..chunk.len() - n {
                    if p == 0 || q == 0 {
                        break;
                    }
                    p -= 1;
                    q -= 1;
                    if text[p] == chunk[q] {
                        unwritten += 1;
                        if text[p] == IAC {
                            break;
                        }
                    } else if chunk[q] == b'\r' {
                        p += 1; // the CR inserted before an LF
                    } else {
                        q += 1;
                        unwritten += 1;
                    }
                }
                return (wire, i.saturating_sub(unwritten));
            }
            if i == text.len() {
                return (wire, text.len());
            }
            chunk.clear();
        }
        let b = text[i];
        if b == IAC {
            chunk.push(IAC);
        } else if b == b'\n' {
            chunk.push(b'\r');
        }
        chunk.push(b);
        i += 1;
    }
}

/// Encodes text for a telnet client: LF → CR LF, IAC doubled.
pub fn encode(text: &[u8], out: &mut Vec<u8>) {
    for &b in text {
        match b {
            IAC => out.extend_from_slice(&[IAC, IAC]),
            b'\n' => out.extend_from_slice(b"\r\n"),
            b => out.push(b),
        }
    }
}

/// The negotiation that turns client echo off (`on == false`, password
/// entry) or back on.
pub fn echo_command(on: bool) -> [u8; 3] {
    [IAC, if on { WONT } else { WILL }, TELOPT_ECHO]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(input: &[u8]) -> (Vec<Vec<u8>>, Vec<u8>, Vec<u8>) {
        let mut t = TelnetIn::new(INBUF_SIZE, "test 1");
        let mut reply = Vec::new();
        t.feed(input, &mut reply);
        let partial = t.line.clone();
        (t.lines.into_iter().collect(), reply.concat(), partial)
    }

    #[test]
    fn line_endings() {
        let (l, _, p) = run(b"a\r\nb\nc\r\0d\re\r\r\nf");
        assert_eq!(
            l,
            vec![
                b"a".to_vec(),
                b"b".into(),
                b"c".into(),
                b"d".into(),
                b"e".into(),
                b"".into()
            ]
        );
        assert_eq!(p, b"f");
    }

    #[test]
    fn backspace_nul_and_iac_iac() {
        let (l, _, _) = run(b"ab\x08c\x7f\x7f\x7fz\0\xff\xffq\n");
        assert_eq!(l, vec![vec![b'z', 255, b'q']]);
    }

    #[test]
    fn negotiation_replies() {
        let (l, r, _) = run(&[
            IAC,
            DO,
            TELOPT_TM,
            IAC,
            DO,
            TELOPT_SGA,
            IAC,
            WILL,
            TELOPT_LINEMODE,
            IAC,
            WONT,
            99,
            IAC,
            DONT,
            5,
            b'x',
            b'\n',
        ]);
        assert_eq!(l, vec![b"x".to_vec()]);
        assert_eq!(
            r,
            vec![
                IAC,
                WONT,
                TELOPT_TM,
                IAC,
                WILL,
                TELOPT_SGA,
                IAC,
                SB,
                TELOPT_LINEMODE,
                1,
                1,
                IAC,
                SE
            ]
        );
    }

    #[test]
    fn dont_sga_turns_go_ahead_on() {
        let mut t = TelnetIn::new(10, "v");
        let mut r = Vec::new();
        t.feed(&[IAC, DONT, TELOPT_SGA], &mut r);
        assert!(t.go_ahead);
        assert_eq!(r, vec![vec![IAC, WONT, TELOPT_SGA]]);
    }

    #[test]
    fn subnegotiation_is_skipped_even_with_iac_inside() {
        let (l, r, _) = run(&[
            b'a', IAC, SB, 24, 0, b'x', IAC, IAC, b'y', IAC, SE, b'b', b'\n',
        ]);
        assert_eq!(l, vec![b"ab".to_vec()]);
        assert!(r.is_empty());
    }

    #[test]
    fn split_anywhere_gives_the_same_result() {
        let input: Vec<u8> = [
            &b"look\r\n"[..],
            &[IAC, SB, 31, 0, 80, 0, 24, IAC, SE],
            b"say hi\r\0",
            &[IAC, DO, TELOPT_TM],
            b"x\x08y\n",
        ]
        .concat();
        let whole = run(&input);
        for cut in 0..input.len() {
            let mut t = TelnetIn::new(INBUF_SIZE, "test 1");
            let mut r = Vec::new();
            t.feed(&input[..cut], &mut r);
            t.feed(&input[cut..], &mut r);
            assert_eq!(
                t.lines.iter().cloned().collect::<Vec<_>>(),
                whole.0,
                "cut {cut}"
            );
            assert_eq!(r.concat(), whole.1);
        }
    }

    #[test]
    fn long_lines_come_in_buffer_sized_pieces() {
        let mut t = TelnetIn::new(4, "v");
        let mut r = Vec::new();
        t.feed(b"abcdefghij\n", &mut r);
        assert_eq!(
            t.lines.iter().cloned().collect::<Vec<_>>(),
            vec![b"abcd".to_vec(), b"efgh".into(), b"ij".into()]
        );
    }

    #[test]
    fn a_line_end_after_a_full_piece_is_an_empty_line() {
        // DGD 1.7.9: 2048 bytes then CR LF give the 2048 bytes and ""
        let mut t = TelnetIn::new(4, "v");
        let mut r = Vec::new();
        t.feed(b"abcd\r\nef", &mut r);
        t.finish();
        assert_eq!(
            t.lines.iter().cloned().collect::<Vec<_>>(),
            vec![b"abcd".to_vec(), b"".into(), b"ef".into()]
        );
    }

    #[test]
    fn chunked_output_as_dgd_counts_it() {
        // everything fits
        assert_eq!(encode_chunks(b"a\nb", 100), (b"a\r\nb".to_vec(), 3));
        assert_eq!(encode_chunks(b"", 100), (Vec::new(), 0));
        // the room ends between CR and LF: the CR goes, the LF is not counted
        assert_eq!(encode_chunks(b"ab\n", 3), (b"ab\r".to_vec(), 2));
        // the room ends before the CR: the LF is not counted either
        assert_eq!(encode_chunks(b"ab\ncd", 2), (b"ab".to_vec(), 2));
        // a chunk starting with IAC is refused whole if fewer than 7 bytes fit
        assert_eq!(encode_chunks(b"x\xffabcdef", 6), (b"x".to_vec(), 1));
        assert_eq!(
            encode_chunks(b"x\xffabcdef", 8),
            (b"x\xff\xffabcde".to_vec(), 7)
        );
        // nothing fits
        assert_eq!(encode_chunks(b"abc", 0), (Vec::new(), 0));
        // long text goes in chunks; the count is exact at any cut
        let text: Vec<u8> = (0..20000u32)
            .map(|i| if i % 7 == 0 { b'\n' } else { b'a' })
            .collect();
        for room in [0, 1, 8190, 8191, 8192, 8193, 16384, 22000, 30000] {
            let (wire, n) = encode_chunks(&text, room);
            assert!(wire.len() <= room);
            let mut whole = Vec::new();
            encode(&text[..n], &mut whole);
            assert!(wire.starts_with(&whole), "room {room}");
            assert!(wire.len() - whole.len() <= 1, "room {room}");
        }
    }

    #[test]
    fn ayt_and_interrupts() {
        let (_, r, _) = run(&[IAC, AYT, IAC, IP, IAC, BREAK]);
        assert_eq!(r, [&b"\r\n[test 1]\r\n"[..], &[0x7f, 0x1c]].concat());
    }

    #[test]
    fn output_encoding() {
        let mut o = Vec::new();
        encode(b"a\nb\xffc", &mut o);
        assert_eq!(o, b"a\r\nb\xff\xffc");
        assert_eq!(echo_command(false), [IAC, WILL, TELOPT_ECHO]);
        assert_eq!(echo_command(true), [IAC, WONT, TELOPT_ECHO]);
    }

    #[test]
    fn garbage_never_panics_and_memory_stays_bounded() {
        let mut t = TelnetIn::new(64, "v");
        let mut r = Vec::new();
        let mut x = 7u32;
        for _ in 0..20000 {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            let chunk: Vec<u8> = x.to_le_bytes().to_vec();
            t.feed(&chunk, &mut r);
            assert!(t.partial_len() < 64);
            t.lines.clear();
            r.clear();
        }
    }
}
