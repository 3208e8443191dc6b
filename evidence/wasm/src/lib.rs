//! # The GovChain evidence verifier in the browser
//!
//! `govchain_evidence::check_text` compiled to WebAssembly (`wasm32v1-none`, no_std) for
//! the public verification page: a person drops a bundle and the page shows ✔ and what
//! it proves, or ✗ and why, with the same checks `govchain-verify` makes and trusting
//! only the checkpoint it is given.
//!
//! Interface (plain WebAssembly, no JavaScript glue generated):
//! - `gv_alloc(len) -> ptr`: room for `len` input bytes;
//! - `gv_verify(bundle_ptr, bundle_len, checkpoint_ptr, checkpoint_len) -> u64`: the
//!   verdict as UTF-8 JSON ([`govchain_evidence::Verdict`]), its pointer in the high 32
//!   bits and its length in the low 32 bits.
//!
//! Memory is never freed: the page instantiates the module afresh for each check.
//! `scripts/build-verifier-wasm.sh` builds it.

#![cfg_attr(target_arch = "wasm32", no_std)]

extern crate alloc;

use alloc::{string::String, vec::Vec};

/// Room for `len` bytes the caller writes into.
#[no_mangle]
pub extern "C" fn gv_alloc(len: usize) -> *mut u8 {
	let mut v = Vec::<u8>::with_capacity(len);
	let p = v.as_mut_ptr();
	core::mem::forget(v);
	p
}

/// Checks the bundle against the checkpoint (both JSON text) and returns the verdict
/// (see the crate's documentation).
///
/// # Safety
/// Both ranges must be `gv_alloc`ated memory holding that many bytes.
#[no_mangle]
pub unsafe extern "C" fn gv_verify(bundle: *const u8, bundle_len: usize, checkpoint: *const u8, checkpoint_len: usize) -> u64 {
	// SAFETY: the caller wrote these ranges (see above).
	let (b, c) = unsafe {
		(core::slice::from_raw_parts(bundle, bundle_len), core::slice::from_raw_parts(checkpoint, checkpoint_len))
	};
	let out = verdict(b, c).into_bytes().leak();
	((out.as_ptr() as u64) << 32) | out.len() as u64
}

/// The verdict as JSON, for input bytes that may not even be UTF-8.
pub fn verdict(bundle: &[u8], checkpoint: &[u8]) -> String {
	match (core::str::from_utf8(bundle), core::str::from_utf8(checkpoint)) {
		(Ok(b), Ok(c)) => govchain_evidence::check_text(b, c).to_json(),
		_ => String::from("{\"valid\":false,\"reason\":\"the files are not text (UTF-8 JSON)\"}"),
	}
}

#[cfg(target_arch = "wasm32")]
mod wasm {
	use core::{
		alloc::{GlobalAlloc, Layout},
		cell::UnsafeCell,
	};

	/// A bump allocator over pages taken with `memory.grow`; nothing is freed.
	struct Bump {
		/// Next free byte and end of the pages taken.
		at: UnsafeCell<(usize, usize)>,
	}

	// SAFETY: WebAssembly here is single-threaded.
	unsafe impl Sync for Bump {}

	const PAGE: usize = 65_536;

	unsafe impl GlobalAlloc for Bump {
		unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
			// SAFETY: single-threaded, and no reference to `at` outlives this call.
			let (next, end) = unsafe { &mut *self.at.get() };
			let align = layout.align().max(1);
			let mut start = (*next + align - 1) & !(align - 1);
			if start + layout.size() > *end || *end == 0 {
				let pages = (layout.size() + align + PAGE - 1) / PAGE;
				let previous = core::arch::wasm32::memory_grow(0, pages);
				if previous == usize::MAX {
					return core::ptr::null_mut();
				}
				let base = previous * PAGE;
				if base != *end {
					// Not contiguous with what we had (the first call): start afresh.
					*next = base;
				}
				*end = (previous + pages) * PAGE;
				start = (*next + align - 1) & !(align - 1);
			}
			*next = start + layout.size();
			start as *mut u8
		}

		unsafe fn dealloc(&self, _: *mut u8, _: Layout) {}
	}

	#[global_allocator]
	static ALLOCATOR: Bump = Bump { at: UnsafeCell::new((0, 0)) };

	#[panic_handler]
	fn panic(_: &core::panic::PanicInfo) -> ! {
		core::arch::wasm32::unreachable()
	}
}

#[cfg(test)]
mod tests {
	#[test]
	fn unreadable_input_is_a_refusal_not_a_panic() {
		let v = super::verdict(b"\xff\xfe", b"{}");
		assert!(v.contains("\"valid\":false") && v.contains("not text"), "{v}");
		let v = super::verdict(b"{\"format\":1}", b"{}");
		assert!(v.contains("\"valid\":false") && v.contains("not a GovChain evidence bundle"), "{v}");
	}
}
