//! `govchain-pseudonym`: prints the pseudonym of one identifier (or of one per
//! line of standard input) for agencies' scripts and the importer.
//! Never prints the key or the identifier, not even in error messages.

use govchain_pseudonym::{parse_key_hex, pseudonym, Domain, HexDisplay, Key, PersonId};
use std::{
	env, fs,
	io::{self, BufRead, Write},
	process::ExitCode,
};

const USAGE: &str = "\
usage: govchain-pseudonym --key-file PATH --domain DOMAIN ID
       govchain-pseudonym --key-file PATH --domain DOMAIN -

Prints the GovChain pseudonym (0x + 64 hex digits) of ID, or with `-` of each
line of standard input (one output line per input line; stops at the first
invalid line). Prefer `-`: command-line arguments are visible to other users
of the machine (ps, /proc).

  --key-file PATH   the domain's key: 64 hex digits (optional 0x, surrounding
                    whitespace allowed). Keep it readable by its owner only.
  --domain DOMAIN   provident-fund | licenses | enterprises | copyright
  ID                KIND:VALUE, KIND one of
                      cn-resident-id:11010519491231002X   (18 or 15 digits)
                      passport:CHN:E12345678              (issuing state:number)
                      hk-mo-permit:H12345678              (9 or 11 characters)
                      tw-permit:12345678                  (8 or 10 digits)

Exit status: 0 success, 1 invalid identifier, 2 usage or key file error.";

enum Failure {
	Usage(String),
	Key(String),
	Id(String),
}

fn main() -> ExitCode {
	match run() {
		Ok(()) => ExitCode::SUCCESS,
		Err(Failure::Usage(msg)) => {
			eprintln!("govchain-pseudonym: {msg} (see --help)");
			ExitCode::from(2)
		},
		Err(Failure::Key(msg)) => {
			eprintln!("govchain-pseudonym: {msg}");
			ExitCode::from(2)
		},
		Err(Failure::Id(msg)) => {
			eprintln!("govchain-pseudonym: {msg}");
			ExitCode::from(1)
		},
	}
}

fn run() -> Result<(), Failure> {
	let mut key_file = None;
	let mut domain = None;
	let mut id = None;
	let mut args = env::args().skip(1);
	while let Some(arg) = args.next() {
		let (name, inline) = match arg.split_once('=') {
			Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
			_ => (arg.clone(), None),
		};
		match name.as_str() {
			"-h" | "--help" => {
				println!("{USAGE}");
				return Ok(());
			},
			"--key-file" | "--domain" => {
				let value = inline
					.or_else(|| args.next())
					.ok_or_else(|| Failure::Usage(format!("{name} needs a value")))?;
				if name == "--key-file" {
					key_file = Some(value);
				} else {
					domain = Some(
						Domain::from_tag(&value)
							.ok_or_else(|| Failure::Usage("unknown domain".into()))?,
					);
				}
			},
			// Deliberately not echoed: it may be an identifier.
			_ if arg.starts_with("--") => return Err(Failure::Usage("unknown option".into())),
			_ if id.is_none() => id = Some(arg),
			_ => return Err(Failure::Usage("more than one ID argument".into())),
		}
	}
	let key_file = key_file.ok_or_else(|| Failure::Usage("--key-file is required".into()))?;
	let domain = domain.ok_or_else(|| Failure::Usage("--domain is required".into()))?;
	let id =
		id.ok_or_else(|| Failure::Usage("an ID (or `-` for standard input) is required".into()))?;
	let key = read_key(&key_file)?;

	let stdout = io::stdout();
	let mut out = io::BufWriter::new(stdout.lock());
	let write_err = |e: io::Error| Failure::Key(format!("cannot write output: {e}"));
	if id == "-" {
		for (n, line) in io::stdin().lock().lines().enumerate() {
			let line =
				line.map_err(|e| Failure::Usage(format!("cannot read standard input: {e}")))?;
			let result = one(&key, domain, &line).map_err(|msg| {
				// Whatever was computed before the bad line still reaches stdout.
				let _ = out.flush();
				Failure::Id(format!("line {}: {msg}", n + 1))
			});
			writeln!(out, "{}", result?).map_err(write_err)?;
		}
	} else {
		let p = one(&key, domain, &id).map_err(Failure::Id)?;
		writeln!(out, "{p}").map_err(write_err)?;
	}
	out.flush().map_err(write_err)
}

fn one(key: &Key, domain: Domain, text: &str) -> Result<String, String> {
	let kind = text.trim().split_once(':').map(|(k, _)| k).unwrap_or("");
	let id: PersonId =
		text.parse().map_err(|e| match govchain_pseudonym::IdKind::from_tag(kind) {
			Some(kind) => format!("invalid {kind} identifier: {e}"),
			None => format!("invalid identifier: {e}"),
		})?;
	Ok(HexDisplay(&pseudonym(key, domain, &id)).to_string())
}

fn read_key(path: &str) -> Result<Key, Failure> {
	let text = fs::read_to_string(path)
		.map_err(|e| Failure::Key(format!("cannot read key file {path}: {e}")))?;
	#[cfg(unix)]
	{
		use std::os::unix::fs::PermissionsExt;
		if let Ok(meta) = fs::metadata(path) {
			if meta.permissions().mode() & 0o077 != 0 {
				eprintln!(
					"govchain-pseudonym: warning: key file {path} is readable by group or others \
					 (chmod 600 it)"
				);
			}
		}
	}
	parse_key_hex(&text).map_err(|e| Failure::Key(format!("key file {path}: {e}")))
}
