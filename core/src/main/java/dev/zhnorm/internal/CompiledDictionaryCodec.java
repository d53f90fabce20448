package dev.zhnorm.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The binary form of a {@link CompiledDictionary}: its arrays, written in bulk, so that loading a
 * bundled table (or a cached one) is a few array reads instead of a rebuild. Every read checks what
 * it got: a truncated or corrupt input is an {@link IOException} naming what was wrong, never an
 * array index error or a dictionary that matches wrongly.
 *
 * <pre>{@code
 * CompiledDictionaryCodec.write(dict, dataOut);
 * CompiledDictionary same = CompiledDictionaryCodec.read(dataIn);   // equals(dict)
 * }</pre>
 */
public final class CompiledDictionaryCodec {
    /** Bumped whenever the layout changes; a table of another version is refused. */
    public static final int FORMAT_VERSION = 1;
    /** Upper bound on any array length read, so a corrupt length fails fast instead of exhausting memory. */
    private static final int MAX_ARRAY = 1 << 27;

    private CompiledDictionaryCodec() {
    }

    /**
     * Writes the compiled arrays; {@link #read} restores an identical dictionary.
     *
     * @param d the dictionary
     * @param out where it goes
     * @throws IOException when writing fails
     */
    public static void write(CompiledDictionary d, DataOutputStream out) throws IOException {
        out.writeInt(FORMAT_VERSION);
        out.writeUTF(d.name);
        out.writeInt(d.maxKeyLength);
        out.writeInt(d.size);
        out.writeInt(d.sources.length);
        for (String s : d.sources) {
            out.writeUTF(s);
        }
        writeInts(out, d.root);
        writeInts(out, d.nodeInfo);
        ByteBuffer b = ByteBuffer.allocate(d.edges.length * 8);
        b.asLongBuffer().put(d.edges);
        out.writeInt(d.edges.length);
        out.write(b.array());
        ByteBuffer cb = ByteBuffer.allocate(d.valueChars.length * 2);
        cb.asCharBuffer().put(d.valueChars);
        out.writeInt(d.valueChars.length);
        out.write(cb.array());
        writeInts(out, d.valueOffsets);
        ByteBuffer sb = ByteBuffer.allocate(d.valueSource.length * 2);
        sb.asShortBuffer().put(d.valueSource);
        out.writeInt(d.valueSource.length);
        out.write(sb.array());
    }

    /**
     * Reads what {@link #write} wrote and checks that the arrays fit together.
     *
     * @param in the binary form
     * @return the dictionary
     * @throws IOException on another format version, a truncated input or arrays that do not fit together
     */
    public static CompiledDictionary read(DataInputStream in) throws IOException {
        int version = in.readInt();
        if (version != FORMAT_VERSION) {
            throw new IOException("unsupported compiled dictionary format " + version + " (expected " + FORMAT_VERSION + ")");
        }
        String name = in.readUTF();
        int maxKeyLength = in.readInt();
        int size = in.readInt();
        String[] sources = new String[length(in, "sources")];
        for (int i = 0; i < sources.length; i++) {
            sources[i] = in.readUTF();
        }
        int[] root = readInts(in, "root");
        int[] nodeInfo = readInts(in, "nodes");
        long[] edges = new long[length(in, "edges")];
        ByteBuffer.wrap(readBytes(in, edges.length * 8L, "edges")).asLongBuffer().get(edges);
        char[] valueChars = new char[length(in, "value chars")];
        ByteBuffer.wrap(readBytes(in, valueChars.length * 2L, "value chars")).asCharBuffer().get(valueChars);
        int[] valueOffsets = readInts(in, "value offsets");
        short[] valueSource = new short[length(in, "value sources")];
        ByteBuffer.wrap(readBytes(in, valueSource.length * 2L, "value sources")).asShortBuffer().get(valueSource);
        check(name, maxKeyLength, size, sources, root, nodeInfo, edges, valueChars, valueOffsets, valueSource);
        return new CompiledDictionary(name, root, nodeInfo, edges, valueChars, valueOffsets, valueSource, sources,
                maxKeyLength, size);
    }

    /** Every index one array holds into another is in range, so matching can never fail or read garbage. */
    private static void check(String name, int maxKeyLength, int size, String[] sources, int[] root, int[] nodeInfo,
                              long[] edges, char[] valueChars, int[] valueOffsets, short[] valueSource)
            throws IOException {
        String what = "compiled dictionary '" + name + "': ";
        if (maxKeyLength < 0 || size < 0) {
            throw new IOException(what + "negative key length or size");
        }
        if (root.length != CompiledDictionary.ROOT_SIZE) {
            throw new IOException(what + "first level has " + root.length + " slots, not " + CompiledDictionary.ROOT_SIZE);
        }
        if (valueOffsets.length != size + 1 || valueSource.length != size) {
            throw new IOException(what + "value tables do not have " + size + " entries");
        }
        int previous = 0;
        for (int o : valueOffsets) {
            if (o < previous || o > valueChars.length) {
                throw new IOException(what + "value offsets out of order or beyond the value chars");
            }
            previous = o;
        }
        if (valueOffsets.length > 0 && (valueOffsets[0] != 0 || previous != valueChars.length)) {
            throw new IOException(what + "value offsets do not cover the value chars");
        }
        for (short s : valueSource) {
            if (s < 0 || s >= sources.length) {
                throw new IOException(what + "value source " + s + " out of range");
            }
        }
        for (int r : root) {
            if (r < 0 ? ((r >>> 16) & CompiledDictionary.MAX_INLINE_VALUE_ID) >= size : r >= nodeInfo.length) {
                throw new IOException(what + "first-level entry out of range");
            }
        }
        for (int info : nodeInfo) {
            if ((info >>> 1) > size) {
                throw new IOException(what + "node value out of range");
            }
        }
        if (Integer.bitCount(edges.length) != 1) {
            throw new IOException(what + "edge table size " + edges.length + " is not a power of two");
        }
        for (long e : edges) {
            if (e != 0 && ((e >>> 38) >= nodeInfo.length || (e & ((1L << CompiledDictionary.CHILD_BITS) - 1)) >= nodeInfo.length)) {
                throw new IOException(what + "edge out of range");
            }
        }
    }

    private static void writeInts(DataOutputStream out, int[] a) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(a.length * 4);
        b.asIntBuffer().put(a);
        out.writeInt(a.length);
        out.write(b.array());
    }

    private static int[] readInts(DataInputStream in, String what) throws IOException {
        int[] a = new int[length(in, what)];
        ByteBuffer.wrap(readBytes(in, a.length * 4L, what)).asIntBuffer().get(a);
        return a;
    }

    private static int length(DataInputStream in, String what) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_ARRAY) {
            throw new IOException("corrupt compiled dictionary: " + what + " length " + n);
        }
        return n;
    }

    private static byte[] readBytes(DataInputStream in, long count, String what) throws IOException {
        byte[] bytes = in.readNBytes((int) count);
        if (bytes.length != count) {
            throw new IOException("truncated compiled dictionary: " + what + " has " + bytes.length + " of " + count + " bytes");
        }
        return bytes;
    }
}
