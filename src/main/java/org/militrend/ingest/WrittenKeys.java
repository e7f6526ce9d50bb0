package org.militrend.ingest;

/**
 * The keys an import has written so far into a dataset that held no rows when it started, as
 * 64-bit fingerprints in an open-addressed table (16 bytes a key instead of ~100 for a set of
 * strings). Only such a key can already be stored, so only those need a look-up; a false match
 * costs one needless look-up, never a wrong row.
 */
final class WrittenKeys {

    private long[] slots = new long[1 << 14];
    private int size;

    /** Whether the key may have been written; records it either way. */
    boolean addAndCheck(String key) {
        long f = fingerprint(key);
        int mask = slots.length - 1;
        for (int i = mix(f) & mask; ; i = (i + 1) & mask) {
            if (slots[i] == f) {
                return true;
            }
            if (slots[i] == 0) {
                slots[i] = f;
                if (++size * 2 > slots.length) {
                    grow();
                }
                return false;
            }
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long f : old) {
            if (f != 0) {
                int i = mix(f) & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = f;
            }
        }
    }

    /** FNV-1a over the characters; never 0 (the empty slot). */
    static long fingerprint(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        return h == 0 ? 1 : h;
    }

    private static int mix(long f) {
        long h = f * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32);
    }
}
