"""Giving memory back to the system while the window changes size.

Every window size renders the text again at new sizes, so a long session with many resizes
allocates and frees surfaces of every size. glibc's malloc (Linux) then keeps the freed
memory in pieces no new surface fits, and the process grows although what it holds does
not; two of its own settings prevent that. Other C libraries hand memory back by
themselves: on them both calls do nothing."""
import ctypes

M_MMAP_THRESHOLD = -3       # glibc's mallopt parameter number
MMAP_FROM = 128 * 1024      # glibc's own starting value


def _libc():
    try:
        libc = ctypes.CDLL(None)
        return libc if hasattr(libc, "malloc_trim") and hasattr(libc, "mallopt") else None
    except OSError:
        return None


_LIBC = _libc()


def keep_large_blocks_apart() -> None:
    """Surfaces of 128 KB or more get pages of their own, returned whole when freed. glibc
    raises this bar each time such a block is freed (a window-sized backdrop moves it to
    megabytes), after which rendered text fills the heap in pieces; a value set once is
    kept."""
    if _LIBC is not None:
        _LIBC.mallopt(M_MMAP_THRESHOLD, MMAP_FROM)


def give_back() -> None:
    """Return the free pages at the heap's top and inside it."""
    if _LIBC is not None:
        _LIBC.malloc_trim(0)
