//! The WebAssembly module: the library's `gv_alloc` and `gv_verify`, exported alone.

#![no_std]
#![no_main]

extern crate govchain_verify_wasm;
