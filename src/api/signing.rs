//! Request signing for API-keypair mode: Backend.AI's HMAC-SHA256 scheme.
//!
//! The server rebuilds the same seven-line string from the request and compares signatures, so
//! every byte here matters: the method in upper case, the path and query as sent, the `Date`
//! header verbatim, the `Host` header with its port, the media type of `Content-Type` in lower
//! case, the API version, and the SHA-256 of an empty body (the body itself is not signed).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use hmac::{Hmac, Mac as _};
use sha2::{Digest as _, Sha256};

use crate::time_format::civil_from_days;

type HmacSha256 = Hmac<Sha256>;

/// The media type signed when a request has no `Content-Type` header.
pub const DEFAULT_CONTENT_TYPE: &str = "application/octet-stream";

/// The parts of a request that the signature covers.
#[derive(Clone, Debug)]
pub struct SigningInput<'a> {
    pub method: &'a str,
    /// Path and query exactly as sent, e.g. `/user-config/dotfiles?path=.bashrc`.
    pub path_and_query: &'a str,
    /// The `Date` header value, byte for byte.
    pub date_header: &'a str,
    /// The date whose UTC calendar day keys the signing key.
    pub date: SystemTime,
    /// The `Host` header value, with the port when the endpoint names one.
    pub host: &'a str,
    /// `Content-Type` header value; parameters after `;` are not signed.
    pub content_type: Option<&'a str>,
    pub api_version: &'a str,
}

/// Returns the hex HMAC-SHA256 signature of `input` with `secret_key`.
pub fn sign(input: &SigningInput<'_>, secret_key: &str) -> String {
    let string_to_sign = string_to_sign(input);
    let (year, month, day) = utc_date(input.date);
    let day_stamp = format!("{year:04}{month:02}{day:02}");

    // Two-step key: HMAC(HMAC(secret key, UTC date), host).
    let date_key = hmac_sha256(secret_key.as_bytes(), day_stamp.as_bytes());
    let signing_key = hmac_sha256(&date_key, input.host.as_bytes());
    to_hex(&hmac_sha256(&signing_key, string_to_sign.as_bytes()))
}

/// Returns the `Authorization` header value for `signature`.
pub fn authorization_header(access_key: &str, signature: &str) -> String {
    format!("BackendAI signMethod=HMAC-SHA256, credential={access_key}:{signature}")
}

/// Builds the seven-line string the server signs, without a trailing newline.
pub fn string_to_sign(input: &SigningInput<'_>) -> String {
    let media_type = input
        .content_type
        .map(|value| {
            value
                .split(';')
                .next()
                .unwrap_or_default()
                .trim()
                .to_lowercase()
        })
        .filter(|value| !value.is_empty())
        .unwrap_or_else(|| DEFAULT_CONTENT_TYPE.to_owned());
    let empty_body_hash = to_hex(&Sha256::digest(b""));
    [
        input.method.to_uppercase(),
        input.path_and_query.to_owned(),
        input.date_header.to_owned(),
        format!("host:{}", input.host),
        format!("content-type:{media_type}"),
        format!("x-backendai-version:{}", input.api_version),
        empty_body_hash,
    ]
    .join("\n")
}

fn hmac_sha256(key: &[u8], message: &[u8]) -> Vec<u8> {
    // HMAC takes keys of any length, so `new_from_slice` cannot fail here.
    let mut mac = match HmacSha256::new_from_slice(key) {
        Ok(mac) => mac,
        Err(error) => unreachable!("HMAC accepts keys of any length: {error}"),
    };
    mac.update(message);
    mac.finalize().into_bytes().to_vec()
}

fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

fn seconds_since_epoch(time: SystemTime) -> u64 {
    time.duration_since(UNIX_EPOCH)
        .map(|elapsed| elapsed.as_secs())
        .unwrap_or(0)
}

fn utc_date(time: SystemTime) -> (u64, u64, u64) {
    civil_from_days(seconds_since_epoch(time) / 86_400)
}

/// Formats `time` as an ISO 8601 UTC date with microseconds, `2026-12-04T20:15:00.123456+00:00`,
/// the form the official Python SDK sends.
pub fn iso8601_date(time: SystemTime) -> String {
    let seconds = seconds_since_epoch(time);
    let micros = time
        .duration_since(UNIX_EPOCH)
        .map(|elapsed| elapsed.subsec_micros())
        .unwrap_or(0);
    let (year, month, day) = civil_from_days(seconds / 86_400);
    let second_of_day = seconds % 86_400;
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{micros:06}+00:00",
        second_of_day / 3600,
        second_of_day % 3600 / 60,
        second_of_day % 60
    )
}

const WEEKDAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Formats `time` as an RFC 1123 HTTP date, `Fri, 04 Dec 2026 20:15:00 GMT`.
pub fn rfc1123_date(time: SystemTime) -> String {
    let seconds = seconds_since_epoch(time);
    let days = seconds / 86_400;
    let (year, month, day) = civil_from_days(days);
    let second_of_day = seconds % 86_400;
    // 1970-01-01 was a Thursday.
    let weekday = WEEKDAYS[usize::try_from(days % 7).unwrap_or(0)];
    let month_name = MONTHS[usize::try_from(month - 1).unwrap_or(0)];
    format!(
        "{weekday}, {day:02} {month_name} {year:04} {:02}:{:02}:{:02} GMT",
        second_of_day / 3600,
        second_of_day % 3600 / 60,
        second_of_day % 60
    )
}

/// Parses an RFC 1123 HTTP date such as the server's `Date` response header. Returns `None` for
/// any other form.
pub fn parse_rfc1123_date(text: &str) -> Option<SystemTime> {
    // "Fri, 04 Dec 2026 20:15:00 GMT"
    let mut parts = text.split_whitespace();
    let _weekday = parts.next()?;
    let day: u64 = parts.next()?.parse().ok()?;
    let month_name = parts.next()?;
    let month = u64::try_from(MONTHS.iter().position(|name| *name == month_name)? + 1).ok()?;
    let year: u64 = parts.next()?.parse().ok()?;
    let mut clock = parts.next()?.split(':');
    let hour: u64 = clock.next()?.parse().ok()?;
    let minute: u64 = clock.next()?.parse().ok()?;
    let second: u64 = clock.next()?.parse().ok()?;
    if parts.next()? != "GMT" || year < 1970 || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let days = days_from_civil(year, month, day);
    Some(UNIX_EPOCH + Duration::from_secs(days * 86_400 + hour * 3600 + minute * 60 + second))
}

/// Converts a proleptic Gregorian date (from 1970 on) to days since 1970-01-01, the inverse of
/// [`civil_from_days`] (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: u64, month: u64, day: u64) -> u64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year / 400;
    let year_of_era = year - era * 400;
    let shifted_month = if month > 2 { month - 3 } else { month + 9 };
    let day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(seconds)
    }

    #[test]
    fn dates_in_both_formats() {
        let time = at(1_796_415_300) + Duration::from_micros(123_456);
        assert_eq!(iso8601_date(time), "2026-12-04T20:15:00.123456+00:00");
        assert_eq!(rfc1123_date(time), "Fri, 04 Dec 2026 20:15:00 GMT");
        assert_eq!(rfc1123_date(at(0)), "Thu, 01 Jan 1970 00:00:00 GMT");
    }

    #[test]
    fn rfc1123_round_trip() {
        for seconds in [0, 951_782_400, 1_796_415_300, 4_102_444_799] {
            let text = rfc1123_date(at(seconds));
            assert_eq!(parse_rfc1123_date(&text), Some(at(seconds)), "{text}");
        }
        assert_eq!(parse_rfc1123_date("2026-12-04T20:15:00Z"), None);
        assert_eq!(parse_rfc1123_date("Fri, 04 Dec 2026 25:15:00 GMT"), None);
    }

    #[test]
    fn string_to_sign_lines() {
        let input = SigningInput {
            method: "get",
            path_and_query: "/user-config/dotfiles?path=.bashrc",
            date_header: "Fri, 04 Dec 2026 20:15:00 GMT",
            date: at(1_796_415_300),
            host: "127.0.0.1:18081",
            content_type: Some("Application/JSON; charset=utf-8"),
            api_version: "v7.20230615",
        };
        let lines: Vec<String> = string_to_sign(&input).lines().map(str::to_owned).collect();
        assert_eq!(lines[0], "GET");
        assert_eq!(lines[1], "/user-config/dotfiles?path=.bashrc");
        assert_eq!(lines[3], "host:127.0.0.1:18081");
        assert_eq!(lines[4], "content-type:application/json");
        assert_eq!(
            lines[6],
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(lines.len(), 7);
    }

    #[test]
    fn missing_content_type_signs_octet_stream() {
        let input = SigningInput {
            method: "DELETE",
            path_and_query: "/x",
            date_header: "d",
            date: at(0),
            host: "h",
            content_type: None,
            api_version: "v",
        };
        assert!(string_to_sign(&input).contains("content-type:application/octet-stream"));
    }
}
