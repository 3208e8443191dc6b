#!/usr/bin/env bash
# Linker for the browser verifier (scripts/build-verifier-wasm.sh): rust-lld, less the
# `--export` of every runtime API that the runtime crate defines for its own WASM build
# (rustc exports all `#[no_mangle]` symbols of all crates). What stays exported is what
# build.rs asks for (`gv_alloc`, `gv_verify`) and the memory; the linker then drops the
# runtime APIs' code and the host functions they import.
set -euo pipefail
lld="$(rustc --print sysroot)/lib/rustlib/$(rustc -vV | sed -n 's/^host: //p')/bin/rust-lld"
args=()
while [ $# -gt 0 ]; do
	case "$1" in
		--export)
			case "$2" in gv_*) args+=("$1" "$2") ;; esac
			shift 2 ;;
		--export=__heap_base | --export=__data_end) shift ;;
		*) args+=("$1"); shift ;;
	esac
done
case " ${args[*]} " in *" -flavor "*) ;; *) args=(-flavor wasm "${args[@]}") ;; esac
exec "$lld" "${args[@]}"
