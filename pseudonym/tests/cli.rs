//! The `govchain-pseudonym` binary: prints the vector pseudonyms, never the key or the id.

use std::{
	io::Write,
	path::PathBuf,
	process::{Command, Output, Stdio},
};

const KEY_HEX: &str = "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20";
const PF_VECTOR: &str = "0x64a47aebac11815c9fe0163f114d54a5518fb97b864fa82a6597e85a2728aed5";
const TW_VECTOR: &str = "0xff963ec4ec9e57ce84886b517e1b03e847d973a02c6bec58f1578039f2ef3767";

struct KeyFile(PathBuf);

impl KeyFile {
	fn new(name: &str, contents: &str) -> Self {
		let path = std::env::temp_dir().join(format!(
			"govchain-pseudonym-{}-{}.key",
			std::process::id(),
			name
		));
		std::fs::write(&path, contents).unwrap();
		#[cfg(unix)]
		{
			use std::os::unix::fs::PermissionsExt;
			std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
		}
		KeyFile(path)
	}
}

impl Drop for KeyFile {
	fn drop(&mut self) {
		let _ = std::fs::remove_file(&self.0);
	}
}

fn run(args: &[&str], stdin: &str) -> Output {
	let mut child = Command::new(env!("CARGO_BIN_EXE_govchain-pseudonym"))
		.args(args)
		.stdin(Stdio::piped())
		.stdout(Stdio::piped())
		.stderr(Stdio::piped())
		.spawn()
		.unwrap();
	child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
	child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
	String::from_utf8(bytes.to_vec()).unwrap()
}

fn assert_no_secrets(out: &Output) {
	let all = format!("{}{}", text(&out.stdout), text(&out.stderr)).to_lowercase();
	for secret in [KEY_HEX, "0102030405", "110105", "e12345678", "12345678"] {
		assert!(!all.contains(secret), "output shows `{}`: {}", secret, all);
	}
}

#[test]
fn prints_the_vector_pseudonym_and_nothing_else() {
	let key = KeyFile::new("ok", &format!("{KEY_HEX}\n"));
	let k = key.0.to_str().unwrap();
	for id in ["cn-resident-id:11010519491231002X", "cn-resident-id:110105491231002"] {
		let out = run(&["--key-file", k, "--domain", "provident-fund", id], "");
		assert!(out.status.success(), "{}", text(&out.stderr));
		assert_eq!(text(&out.stdout), format!("{PF_VECTOR}\n"));
		assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
	}
	let out =
		run(&[&format!("--key-file={k}"), "--domain=enterprises", "tw-permit:1234567801(B)"], "");
	assert_eq!(text(&out.stdout), format!("{TW_VECTOR}\n"));
}

#[test]
fn reads_identifiers_from_standard_input() {
	let key = KeyFile::new("stdin", KEY_HEX);
	let k = key.0.to_str().unwrap();
	let out = run(
		&["--key-file", k, "--domain", "provident-fund", "-"],
		"cn-resident-id:11010519491231002X\ncn-resident-id: 110105491231002 \r\n",
	);
	assert!(out.status.success(), "{}", text(&out.stderr));
	assert_eq!(text(&out.stdout), format!("{PF_VECTOR}\n{PF_VECTOR}\n"));
	assert_no_secrets(&Output { stdout: Vec::new(), ..out });

	// Stops at the first invalid line, after printing the lines before it.
	let out = run(
		&["--key-file", k, "--domain", "provident-fund", "-"],
		"cn-resident-id:11010519491231002X\ncn-resident-id:110105194912310021\ncn-resident-id:110105491231002\n",
	);
	assert_eq!(out.status.code(), Some(1));
	assert_eq!(text(&out.stdout), format!("{PF_VECTOR}\n"));
	assert!(
		text(&out.stderr).contains("line 2: invalid cn-resident-id identifier: check character")
	);
	assert_no_secrets(&Output { stdout: Vec::new(), ..out });
}

#[test]
fn errors_never_show_the_key_or_the_identifier() {
	let key = KeyFile::new("err", KEY_HEX);
	let k = key.0.to_str().unwrap();
	let cases: [(&[&str], i32); 6] = [
		(&["--key-file", k, "--domain", "licenses", "cn-resident-id:110105194912310021"], 1),
		(&["--key-file", k, "--domain", "licenses", "passport:E12345678"], 1),
		(&["--key-file", k, "--domain", "licenses", "11010519491231002X"], 1),
		(&["--key-file", k, "--domain", "pf", "cn-resident-id:11010519491231002X"], 2),
		(&["--key-file", k, "--domain", "licenses", "--id=11010519491231002X"], 2),
		(&["--domain", "licenses", "cn-resident-id:11010519491231002X"], 2),
	];
	for (args, code) in cases {
		let out = run(args, "");
		assert_eq!(out.status.code(), Some(code), "{:?}: {}", args, text(&out.stderr));
		assert!(out.stdout.is_empty());
		assert_no_secrets(&out);
	}

	let bad = KeyFile::new("bad", &KEY_HEX[..62]);
	let out = run(
		&["--key-file", bad.0.to_str().unwrap(), "--domain", "licenses", "tw-permit:12345678"],
		"",
	);
	assert_eq!(out.status.code(), Some(2));
	assert!(text(&out.stderr).contains("64 hex digits"));
	assert_no_secrets(&out);
}
