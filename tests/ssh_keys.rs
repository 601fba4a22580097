//! SSH keypairs: generation, fingerprints and private key files checked against OpenSSH's own
//! `ssh-keygen`, and the checks on pasted pairs, including the PKCS#1 PEM pair that Backend.AI
//! 23.09 generates.
//!
//! The fixtures under `tests/fixtures/ssh_keys/` are test-only keys that protect nothing:
//! - `server_rsa2048_test_only.{pem,pub}` came from the manager's own
//!   `ai.backend.manager.models.keypair.generate_ssh_keypair()` (Backend.AI 23.09, Python
//!   `cryptography` 50.0.2), unchanged.
//! - `ed25519_pkcs8_test_only.{pem,pub}` came from `cryptography`'s
//!   `Ed25519PrivateKey.generate()` written as PKCS#8 PEM, because `ssh-keygen` 9.2 cannot
//!   write Ed25519 keys as PKCS#8.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a panic fails the test with its location"
)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use bai_settings::ssh_keys::{
    GeneratedKeypair, KeyAlgorithm, KeyError, SaveError, check_pair, default_private_key_path,
    generate, public_key_info, save_private_key,
};

/// Runs `ssh-keygen` with `args` and returns its output after checking that it succeeded.
fn ssh_keygen(args: &[&str]) -> Output {
    let output = Command::new("ssh-keygen")
        .args(args)
        .output()
        .unwrap_or_else(|error| {
            panic!(
                "failed to run ssh-keygen ({error}); these tests need it: \
                 apt-get install openssh-client"
            )
        });
    assert!(
        output.status.success(),
        "ssh-keygen {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("temporary paths are UTF-8")
}

/// Generates `dir/name` and `dir/name.pub` with `ssh-keygen` and `extra_args` (which set `-t`),
/// and returns the public and private key text.
fn ssh_keygen_pair(dir: &Path, name: &str, extra_args: &[&str]) -> (String, String) {
    let path = dir.join(name);
    let mut args = vec![
        "-q",
        "-N",
        "",
        "-C",
        "made-by-ssh-keygen",
        "-f",
        path_str(&path),
    ];
    args.extend_from_slice(extra_args);
    ssh_keygen(&args);
    let public = fs::read_to_string(path.with_extension("pub")).unwrap();
    let private = fs::read_to_string(&path).unwrap();
    (public, private)
}

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ssh_keys")
        .join(name);
    fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// Returns the RSA 4096 keypair that the tests share, generated once because it takes seconds.
fn rsa_4096() -> &'static GeneratedKeypair {
    static PAIR: OnceLock<GeneratedKeypair> = OnceLock::new();
    PAIR.get_or_init(|| generate(KeyAlgorithm::Rsa4096, "rsa@test").unwrap())
}

/// Splits a public key line into its first two fields, the key type and the Base64 key data.
fn type_and_data(public_key: &str) -> (String, String) {
    let mut fields = public_key.split_whitespace();
    let key_type = fields.next().unwrap_or_default().to_owned();
    let data = fields.next().unwrap_or_default().to_owned();
    (key_type, data)
}

#[cfg(unix)]
fn mode_of(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt as _;
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn assert_generated_pair(pair: &GeneratedKeypair, algorithm: &str, bits: Option<u32>) {
    assert!(pair.public_key.ends_with('\n'), "{:?}", pair.public_key);
    assert_eq!(pair.public_key.lines().count(), 1);
    assert!(pair.public_key.starts_with(&format!("{algorithm} ")));
    assert!(
        pair.private_key
            .starts_with("-----BEGIN OPENSSH PRIVATE KEY-----\n")
    );

    assert_eq!(pair.info.algorithm, algorithm);
    assert_eq!(pair.info.bits, bits);
    assert!(pair.info.fingerprint.starts_with("SHA256:"));

    let parsed = public_key_info(&pair.public_key).unwrap();
    assert_eq!(parsed, pair.info);

    let checked = check_pair(&pair.public_key, &pair.private_key).unwrap();
    assert_eq!(checked.fingerprint, pair.info.fingerprint);
    assert_eq!(checked, pair.info);
}

#[test]
fn generate_ed25519_pair() {
    let pair = generate(KeyAlgorithm::Ed25519, "alice@laptop").unwrap();

    assert_generated_pair(&pair, "ssh-ed25519", None);
    assert_eq!(pair.info.comment, "alice@laptop");
    assert!(pair.public_key.ends_with(" alice@laptop\n"));
}

#[test]
fn generate_rsa_4096_pair() {
    let pair = rsa_4096();

    assert_generated_pair(pair, "ssh-rsa", Some(4096));
    assert_eq!(pair.info.comment, "rsa@test");
}

#[test]
fn generate_rejects_multiline_comment() {
    let error = generate(KeyAlgorithm::Ed25519, "one\ntwo").unwrap_err();

    assert!(matches!(error, KeyError::Generation { .. }), "{error:?}");
}

#[test]
fn key_algorithm_default_is_ed25519() {
    assert_eq!(KeyAlgorithm::default(), KeyAlgorithm::Ed25519);
}

#[test]
fn fingerprints_match_ssh_keygen() {
    let dir = tempfile::tempdir().unwrap();
    let ed25519 = generate(KeyAlgorithm::Ed25519, "fingerprint@test").unwrap();
    let (ecdsa_public, _) = ssh_keygen_pair(dir.path(), "ecdsa", &["-t", "ecdsa", "-b", "384"]);
    let cases = [
        ("ed25519", ed25519.public_key.clone()),
        ("rsa4096", rsa_4096().public_key.clone()),
        ("server", fixture("server_rsa2048_test_only.pub")),
        ("ecdsa", ecdsa_public),
    ];

    for (name, public_key) in cases {
        let path = dir.path().join(format!("{name}.checked.pub"));
        fs::write(&path, &public_key).unwrap();
        let output = ssh_keygen(&["-lf", path_str(&path)]);
        // `ssh-keygen -l` prints "BITS SHA256:... COMMENT (TYPE)".
        let printed = String::from_utf8(output.stdout).unwrap();
        let fields: Vec<&str> = printed.split_whitespace().collect();

        let info = public_key_info(&public_key).unwrap();
        assert_eq!(info.fingerprint, fields[1], "{name}: {printed}");
        if let Some(bits) = info.bits {
            assert_eq!(bits.to_string(), fields[0], "{name}: {printed}");
        }
    }
}

#[test]
fn ecdsa_public_key_info() {
    let dir = tempfile::tempdir().unwrap();

    for (bits, algorithm) in [
        ("256", "ecdsa-sha2-nistp256"),
        ("384", "ecdsa-sha2-nistp384"),
        ("521", "ecdsa-sha2-nistp521"),
    ] {
        let (public, private) = ssh_keygen_pair(
            dir.path(),
            &format!("ecdsa{bits}"),
            &["-t", "ecdsa", "-b", bits],
        );

        let info = public_key_info(&public).unwrap();
        assert_eq!(info.algorithm, algorithm);
        assert_eq!(info.bits, Some(bits.parse().unwrap()));
        assert_eq!(info.comment, "made-by-ssh-keygen");

        assert_eq!(check_pair(&public, &private).unwrap(), info, "ecdsa{bits}");
    }
}

#[test]
fn every_p521_key_accepted() {
    // About half of all P-521 private scalars have a zero first byte, which the file leaves out,
    // so twelve keys include such a key but once in 4,096 runs.
    let dir = tempfile::tempdir().unwrap();
    for index in 0..12 {
        let (public, private) = ssh_keygen_pair(
            dir.path(),
            &format!("p521-{index}"),
            &["-t", "ecdsa", "-b", "521"],
        );
        let info =
            check_pair(&public, &private).unwrap_or_else(|error| panic!("key {index}: {error}"));
        assert_eq!(info.bits, Some(521));
    }
}

#[test]
fn ecdsa_pair_mismatch_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let (public, _) = ssh_keygen_pair(dir.path(), "first", &["-t", "ecdsa", "-b", "256"]);
    let (_, other_private) = ssh_keygen_pair(dir.path(), "second", &["-t", "ecdsa", "-b", "256"]);

    let error = check_pair(&public, &other_private).unwrap_err();

    assert_eq!(error, KeyError::Mismatch);
}

#[test]
fn ecdsa_pem_rejected_until_converted() {
    let dir = tempfile::tempdir().unwrap();
    let (public, pem_private) = ssh_keygen_pair(
        dir.path(),
        "pem",
        &["-t", "ecdsa", "-b", "384", "-m", "PEM"],
    );
    assert!(
        pem_private.starts_with("-----BEGIN EC PRIVATE KEY-----"),
        "{}",
        pem_private.lines().next().unwrap_or_default()
    );

    let error = check_pair(&public, &pem_private).unwrap_err();
    assert_eq!(error, KeyError::PemEcdsaPrivateKey);

    // The conversion that the error message suggests.
    let key_path = dir.path().join("pem");
    ssh_keygen(&["-p", "-q", "-P", "", "-N", "", "-f", path_str(&key_path)]);
    let converted = fs::read_to_string(&key_path).unwrap();
    assert!(converted.starts_with("-----BEGIN OPENSSH PRIVATE KEY-----"));
    check_pair(&public, &converted).unwrap();
}

#[test]
fn ecdsa_public_key_with_wrong_curve() {
    let dir = tempfile::tempdir().unwrap();
    let (public, _) = ssh_keygen_pair(dir.path(), "ecdsa", &["-t", "ecdsa", "-b", "256"]);
    let relabeled = public.replacen("ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", 1);

    let error = public_key_info(&relabeled).unwrap_err();

    assert!(
        matches!(error, KeyError::InvalidPublicKey { .. }),
        "{error:?}"
    );
}

#[test]
fn saved_keys_load_in_ssh_keygen() {
    let dir = tempfile::tempdir().unwrap();
    let ed25519 = generate(KeyAlgorithm::Ed25519, "saved@test").unwrap();

    for (name, pair) in [("id_ed25519", &ed25519), ("id_rsa", rsa_4096())] {
        let path = dir.path().join(".ssh").join(name);
        save_private_key(&path, &pair.private_key, false).unwrap();

        #[cfg(unix)]
        assert_eq!(mode_of(&path), 0o600, "{name}");
        let output = ssh_keygen(&["-y", "-f", path_str(&path)]);
        let derived = String::from_utf8(output.stdout).unwrap();
        assert_eq!(
            type_and_data(&derived),
            type_and_data(&pair.public_key),
            "{name}"
        );
    }
}

#[test]
fn save_creates_private_parent_dir() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("home").join(".ssh").join("id_backendai");

    save_private_key(&path, "KEY TEXT", false).unwrap();

    assert_eq!(fs::read_to_string(&path).unwrap(), "KEY TEXT\n");
    #[cfg(unix)]
    {
        assert_eq!(mode_of(path.parent().unwrap()), 0o700);
        assert_eq!(mode_of(&dir.path().join("home")), 0o700);
        assert_eq!(mode_of(&path), 0o600);
    }
}

#[test]
fn save_ends_with_one_newline() {
    let dir = tempfile::tempdir().unwrap();

    for (index, text) in ["KEY", "KEY\n", "KEY\n\n\n", "KEY\r\n"]
        .into_iter()
        .enumerate()
    {
        let path = dir.path().join(format!("key{index}"));
        save_private_key(&path, text, false).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "KEY\n", "{text:?}");
    }
}

#[test]
fn save_keeps_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("id_backendai");
    fs::write(&path, "OLD KEY\n").unwrap();

    let error = save_private_key(&path, "NEW KEY", false).unwrap_err();

    match &error {
        SaveError::Exists { path: reported } => assert_eq!(reported, &path),
        SaveError::Io { .. } => panic!("expected Exists, got {error:?}"),
    }
    assert_eq!(fs::read_to_string(&path).unwrap(), "OLD KEY\n");
    assert!(error.to_string().contains("id_backendai"), "{error}");
}

#[cfg(unix)]
#[test]
fn save_keeps_existing_symlink() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("elsewhere");
    let path = dir.path().join("id_backendai");
    std::os::unix::fs::symlink(&target, &path).unwrap();

    let error = save_private_key(&path, "NEW KEY", false).unwrap_err();

    assert!(matches!(error, SaveError::Exists { .. }), "{error:?}");
    assert!(!target.exists());
}

#[test]
fn save_overwrite_replaces_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("id_backendai");
    fs::write(&path, "OLD KEY\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    }

    save_private_key(&path, "NEW KEY\n", true).unwrap();

    assert_eq!(fs::read_to_string(&path).unwrap(), "NEW KEY\n");
    #[cfg(unix)]
    assert_eq!(mode_of(&path), 0o600);
    let leftovers: Vec<PathBuf> = fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|entry| entry != &path)
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn save_overwrite_creates_missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new").join("id_backendai");

    save_private_key(&path, "KEY", true).unwrap();

    assert_eq!(fs::read_to_string(&path).unwrap(), "KEY\n");
}

#[test]
fn save_below_file_reports_io() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("not-a-dir");
    fs::write(&blocker, "").unwrap();
    let path = blocker.join("id_backendai");

    let error = save_private_key(&path, "KEY", false).unwrap_err();

    assert!(matches!(error, SaveError::Io { .. }), "{error:?}");
}

#[test]
fn default_path_is_in_ssh_dir() {
    let path = default_private_key_path().expect("the test environment has a home directory");

    assert!(path.ends_with(".ssh/id_backendai"), "{}", path.display());
}

#[test]
fn check_pair_mismatch() {
    let first = generate(KeyAlgorithm::Ed25519, "first").unwrap();
    let second = generate(KeyAlgorithm::Ed25519, "second").unwrap();

    assert_eq!(
        check_pair(&first.public_key, &second.private_key),
        Err(KeyError::Mismatch)
    );
    assert_eq!(
        check_pair(&rsa_4096().public_key, &first.private_key),
        Err(KeyError::Mismatch)
    );
    assert_eq!(
        check_pair(&first.public_key, &fixture("server_rsa2048_test_only.pem")),
        Err(KeyError::Mismatch)
    );
}

#[test]
fn check_pair_invalid_public() {
    let pair = generate(KeyAlgorithm::Ed25519, "test").unwrap();
    let (key_type, data) = type_and_data(&pair.public_key);
    let truncated = format!("{key_type} {}", &data[..data.len() - 8]);
    let cases = [
        ("empty", String::new()),
        ("blank", " \n\t ".to_owned()),
        ("garbage", "hello world".to_owned()),
        ("bad base64", "ssh-ed25519 not*base64 comment".to_owned()),
        ("truncated", truncated),
        (
            "wrong type",
            pair.public_key.replacen("ssh-ed25519", "ssh-rsa", 1),
        ),
        ("private key", pair.private_key.clone()),
        (
            "two lines",
            format!("{}{}", pair.public_key, pair.public_key),
        ),
    ];

    for (name, public_key) in cases {
        let error = check_pair(&public_key, &pair.private_key).unwrap_err();
        assert!(
            matches!(error, KeyError::InvalidPublicKey { .. }),
            "{name}: {error:?}"
        );
        assert!(
            matches!(
                public_key_info(&public_key),
                Err(KeyError::InvalidPublicKey { .. })
            ),
            "{name}"
        );
    }
}

#[test]
fn check_pair_invalid_private() {
    let pair = generate(KeyAlgorithm::Ed25519, "test").unwrap();
    let body_damaged = pair.private_key.replacen("AAAA", "AbAA", 1);
    let truncated: String = pair
        .private_key
        .lines()
        .take(3)
        .collect::<Vec<_>>()
        .join("\n");
    let cases = [
        ("empty", String::new()),
        ("blank", "\n \n".to_owned()),
        ("garbage", "not a key".to_owned()),
        ("public key", pair.public_key.clone()),
        ("damaged", body_damaged),
        ("truncated", truncated),
        (
            "unknown label",
            "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n".to_owned(),
        ),
    ];

    for (name, private_key) in cases {
        let error = check_pair(&pair.public_key, &private_key).unwrap_err();
        assert!(
            matches!(error, KeyError::InvalidPrivateKey { .. }),
            "{name}: {error:?}"
        );
    }
}

#[test]
fn check_pair_checks_public_first() {
    let error = check_pair("", "").unwrap_err();

    assert!(
        matches!(error, KeyError::InvalidPublicKey { .. }),
        "{error:?}"
    );
}

#[test]
fn check_pair_encrypted_openssh() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("encrypted");
    ssh_keygen(&[
        "-t",
        "ed25519",
        "-N",
        "secretpass",
        "-f",
        path_str(&path),
        "-q",
    ]);
    let public = fs::read_to_string(path.with_extension("pub")).unwrap();
    let private = fs::read_to_string(&path).unwrap();

    assert_eq!(
        check_pair(&public, &private),
        Err(KeyError::EncryptedPrivateKey)
    );
}

#[test]
fn check_pair_encrypted_pem() {
    let dir = tempfile::tempdir().unwrap();

    for format in ["PEM", "PKCS8"] {
        let (public, _) = ssh_keygen_pair(dir.path(), format, &["-t", "rsa", "-b", "2048"]);
        let path = dir.path().join(format);
        ssh_keygen(&[
            "-p",
            "-m",
            format,
            "-P",
            "",
            "-N",
            "secretpass",
            "-f",
            path_str(&path),
            "-q",
        ]);
        let private = fs::read_to_string(&path).unwrap();

        assert_eq!(
            check_pair(&public, &private),
            Err(KeyError::EncryptedPrivateKey),
            "{format}: {}",
            private.lines().take(2).collect::<Vec<_>>().join(" | ")
        );
    }
}

#[test]
fn check_pair_server_pkcs1_pair() {
    let public = fixture("server_rsa2048_test_only.pub");
    let private = fixture("server_rsa2048_test_only.pem");
    assert!(private.starts_with("-----BEGIN RSA PRIVATE KEY-----\n"));

    let info = check_pair(&public, &private).unwrap();

    assert_eq!(info.algorithm, "ssh-rsa");
    assert_eq!(info.bits, Some(2048));
    assert_eq!(info.comment, "");
    assert_eq!(info, public_key_info(&public).unwrap());
}

#[test]
fn check_pair_accepts_crlf_and_padding() {
    let public = fixture("server_rsa2048_test_only.pub");
    let private = fixture("server_rsa2048_test_only.pem");
    let pair = generate(KeyAlgorithm::Ed25519, "crlf").unwrap();

    for (public, private) in [(public, private), (pair.public_key, pair.private_key)] {
        let padded_public = format!("\n  {}  \n", public.trim());
        let crlf_private = format!("\r\n{}\r\n", private.replace('\n', "\r\n"));

        assert_eq!(
            public_key_info(&padded_public).unwrap(),
            public_key_info(&public).unwrap()
        );
        let checked = check_pair(&padded_public, &crlf_private);
        assert!(checked.is_ok(), "{checked:?}");
    }
}

#[test]
fn public_key_rejects_certificate() {
    let dir = tempfile::tempdir().unwrap();
    let (_, _) = ssh_keygen_pair(dir.path(), "ca", &["-t", "ed25519"]);
    let (public, private) = ssh_keygen_pair(dir.path(), "user", &["-t", "ed25519"]);
    let ca_path = dir.path().join("ca");
    let user_path = dir.path().join("user.pub");
    ssh_keygen(&[
        "-q",
        "-s",
        path_str(&ca_path),
        "-I",
        "test-certificate",
        "-n",
        "work",
        path_str(&user_path),
    ]);
    let certificate = fs::read_to_string(dir.path().join("user-cert.pub")).unwrap();
    assert!(public_key_info(&public).is_ok());

    let error = public_key_info(&certificate).unwrap_err();

    assert!(
        matches!(&error, KeyError::InvalidPublicKey { reason } if reason.contains("certificate")),
        "{error:?}"
    );
    assert!(
        matches!(
            check_pair(&certificate, &private),
            Err(KeyError::InvalidPublicKey { .. })
        ),
        "a certificate passed check_pair"
    );
}

#[test]
fn invalid_reason_omits_key_data() {
    let pair = generate(KeyAlgorithm::Ed25519, "test").unwrap();
    let (_, data) = type_and_data(&pair.public_key);
    let private_body = pair.private_key.lines().nth(1).unwrap().to_owned();

    for (name, text) in [("public data", data), ("private body", private_body)] {
        let error = public_key_info(&text).unwrap_err();
        let KeyError::InvalidPublicKey { reason } = &error else {
            panic!("{name}: expected InvalidPublicKey, got {error:?}");
        };
        assert!(!reason.contains(&text), "{name}: {reason}");
        assert!(!error.to_string().contains(&text), "{name}: {error}");
    }
}

#[test]
fn check_pair_pkcs8_rsa() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("server");
    fs::write(&path, fixture("server_rsa2048_test_only.pem")).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    }
    ssh_keygen(&[
        "-p",
        "-m",
        "PKCS8",
        "-P",
        "",
        "-N",
        "",
        "-f",
        path_str(&path),
        "-q",
    ]);
    let private = fs::read_to_string(&path).unwrap();
    assert!(
        private.starts_with("-----BEGIN PRIVATE KEY-----\n"),
        "{}",
        private.lines().next().unwrap_or_default()
    );

    let info = check_pair(&fixture("server_rsa2048_test_only.pub"), &private).unwrap();

    assert_eq!(info.bits, Some(2048));
}

#[test]
fn check_pair_pkcs8_ed25519() {
    let public = fixture("ed25519_pkcs8_test_only.pub");
    let private = fixture("ed25519_pkcs8_test_only.pem");
    assert!(private.starts_with("-----BEGIN PRIVATE KEY-----\n"));

    let info = check_pair(&public, &private).unwrap();

    assert_eq!(info.algorithm, "ssh-ed25519");
    assert_eq!(info.bits, None);
}

#[test]
fn check_pair_ssh_keygen_keys() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("ed25519", vec!["-t", "ed25519"]),
        ("rsa3072", vec!["-t", "rsa", "-b", "3072"]),
        ("rsa2048-pem", vec!["-t", "rsa", "-b", "2048", "-m", "PEM"]),
    ];

    for (name, args) in cases {
        let (public, private) = ssh_keygen_pair(dir.path(), name, &args);

        let info = check_pair(&public, &private).unwrap_or_else(|error| panic!("{name}: {error}"));
        assert_eq!(info.comment, "made-by-ssh-keygen", "{name}");
    }
}

#[test]
fn check_pair_inconsistent_rsa() {
    use ssh_key::private::{KeypairData, RsaKeypair};
    use ssh_key::{LineEnding, Mpint, PrivateKey};

    let dir = tempfile::tempdir().unwrap();
    let (public, private) = ssh_keygen_pair(dir.path(), "rsa", &["-t", "rsa", "-b", "2048"]);
    let original = PrivateKey::from_openssh(&private).unwrap();
    let KeypairData::Rsa(keypair) = original.key_data() else {
        panic!("ssh-keygen -t rsa made a {:?} key", original.algorithm());
    };
    /// Changes one component of an otherwise valid RSA keypair.
    type Damage = fn(&mut RsaKeypair);
    let cases: [(&str, Damage); 3] = [
        ("wrong d", |keypair| {
            keypair.private.d = keypair.private.p.clone();
        }),
        ("wrong iqmp", |keypair| {
            keypair.private.iqmp = Mpint::from_positive_bytes(&[3]).unwrap();
        }),
        ("swapped primes", |keypair| {
            std::mem::swap(&mut keypair.private.p, &mut keypair.private.q);
        }),
    ];

    for (name, damage) in cases {
        let mut damaged = keypair.clone();
        damage(&mut damaged);
        let text = PrivateKey::new(KeypairData::from(damaged), "damaged")
            .unwrap()
            .to_openssh(LineEnding::LF)
            .unwrap();

        let error = check_pair(&public, &text).unwrap_err();
        assert!(
            matches!(error, KeyError::InvalidPrivateKey { .. }),
            "{name}: {error:?}"
        );
    }
}

#[test]
fn debug_hides_private_key() {
    for pair in [
        &generate(KeyAlgorithm::Ed25519, "debug").unwrap(),
        rsa_4096(),
    ] {
        let debug = format!("{pair:?}");

        assert!(!debug.contains(&pair.private_key), "{debug}");
        for line in pair
            .private_key
            .lines()
            .filter(|line| !line.starts_with("-----"))
        {
            assert!(!debug.contains(line), "private key line in Debug: {debug}");
        }
        assert!(!debug.contains("PRIVATE KEY"), "{debug}");
        assert!(debug.contains(pair.public_key.trim()), "{debug}");
    }
}

#[test]
fn key_error_message_ids() {
    let reason = || "short reason".to_owned();
    let cases = [
        (
            KeyError::InvalidPublicKey { reason: reason() },
            "ssh-key-invalid-public",
            vec![("reason", reason())],
        ),
        (
            KeyError::InvalidPrivateKey { reason: reason() },
            "ssh-key-invalid-private",
            vec![("reason", reason())],
        ),
        (KeyError::EncryptedPrivateKey, "ssh-key-encrypted", vec![]),
        (KeyError::Mismatch, "ssh-key-mismatch", vec![]),
        (
            KeyError::Generation { reason: reason() },
            "ssh-key-generation-failed",
            vec![("reason", reason())],
        ),
    ];

    for (error, id, args) in cases {
        assert_eq!(error.message(), (id, args), "{error:?}");
    }
}
