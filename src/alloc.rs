//! The process allocator: mimalloc, asked through its plain `malloc`
//! entry points whenever the alignment allows.
//!
//! `mimalloc::MiMalloc` sends every request to `mi_malloc_aligned`, whose
//! fast path only covers blocks up to 1 KiB; a larger block (a sentence's
//! token vector) took its generic over-allocating path, about ten times
//! dearer. `mi_malloc` returns blocks aligned to 16 bytes, and to the
//! block's size below that, so, as std's `System` allocator does for
//! `malloc`, a layout whose alignment is at most 16 and at most its size
//! goes there; any other still takes the aligned entry point.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys as mi;

/// mimalloc's guaranteed alignment for `mi_malloc` (`MI_MAX_ALIGN_SIZE`).
const MALLOC_ALIGN: usize = 16;

/// mimalloc as the global allocator (`#[global_allocator]` in the binary,
/// benches and examples).
pub struct MiMalloc;

/// Whether `mi_malloc` already aligns a block of `size` bytes to `align`.
#[inline(always)]
fn plain(align: usize, size: usize) -> bool {
    align <= MALLOC_ALIGN && align <= size
}

// SAFETY: every block comes from mimalloc and goes back to `mi_free`, which
// takes blocks of both entry points; the plain entry points are used only
// where their alignment guarantee covers the layout.
unsafe impl GlobalAlloc for MiMalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: FFI calls with a size and a power-of-two alignment.
        unsafe {
            if plain(layout.align(), layout.size()) {
                mi::mi_malloc(layout.size()).cast()
            } else {
                mi::mi_malloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        unsafe {
            if plain(layout.align(), layout.size()) {
                mi::mi_zalloc(layout.size()).cast()
            } else {
                mi::mi_zalloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` was handed out by this allocator.
        unsafe { mi::mi_free(ptr.cast::<c_void>()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` was handed out by this allocator with `layout`.
        unsafe {
            if plain(layout.align(), new_size) {
                mi::mi_realloc(ptr.cast::<c_void>(), new_size).cast()
            } else {
                mi::mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align()).cast()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::MiMalloc;
    use std::alloc::{GlobalAlloc, Layout};

    /// Blocks of every small size and alignment come back aligned, through
    /// either entry point, and survive a realloc across the 1 KiB line.
    #[test]
    fn blocks_are_aligned() {
        for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
            for size in [
                align,
                2 * align,
                3 * align,
                24,
                100,
                1000,
                1024,
                1500,
                70_000,
            ] {
                let Ok(layout) = Layout::from_size_align(size, align) else {
                    continue;
                };
                // SAFETY: a non-zero size; the block is freed with its layout.
                unsafe {
                    let p = MiMalloc.alloc(layout);
                    assert!(
                        !p.is_null() && (p as usize).is_multiple_of(align),
                        "{size}/{align}"
                    );
                    p.write_bytes(7, size);
                    let q = MiMalloc.realloc(p, layout, size * 3);
                    assert!(
                        !q.is_null() && (q as usize).is_multiple_of(align),
                        "{size}/{align}"
                    );
                    assert_eq!(*q.add(size - 1), 7);
                    MiMalloc.dealloc(q, Layout::from_size_align_unchecked(size * 3, align));
                    let z = MiMalloc.alloc_zeroed(layout);
                    assert!((z as usize).is_multiple_of(align) && *z.add(size - 1) == 0);
                    MiMalloc.dealloc(z, layout);
                }
            }
        }
    }
}
