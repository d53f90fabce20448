package dev.zhnorm.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * {@link NormalizerAB} for {@code Converter.of(preset).convert}: an interleaved A/B of two builds of
 * zhnorm, each from its own shaded benchmark jar in a class loader of its own, timed by this
 * thread's CPU time in alternating order, outputs checked equal first.
 *
 * <p>Usage: {@code taskset -c 0 java -Xms2g -Xmx2g -cp benchmarks.jar dev.zhnorm.bench.ConverterAB
 * A.jar B.jar s2t,s2hk zuozhuan,synthetic-10MB [rounds 30] [warmup 15]}: every preset on every input
 * ({@link Inputs}' names, in the preset's source script). Prints per pair the medians of A's and B's
 * MB/s (UTF-8 input) and the median, first and third quartile of the per-round speed-up of B over A.
 */
public final class ConverterAB {
    private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();

    private ConverterAB() {
    }

    /** @param args the two jars, presets, inputs, then optionally the rounds and the warm-up rounds */
    public static void main(String[] args) throws Throwable {
        if (args.length < 4) {
            throw new IllegalArgumentException("usage: ConverterAB A.jar B.jar presets inputs [rounds] [warmup]");
        }
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 30;
        int warmup = args.length > 5 ? Integer.parseInt(args[5]) : 15;
        for (String preset : args[2].split(",")) {
            MethodHandle a = converter(Path.of(args[0]), preset);
            MethodHandle b = converter(Path.of(args[1]), preset);
            for (String input : args[3].split(",")) {
                String text = Inputs.text(input, Inputs.sourceScript(preset));
                double mb = Inputs.utf8Length(text) / 1e6;
                if (!run(a, text).equals(run(b, text))) {
                    throw new IllegalStateException("the two builds convert " + input + " differently with " + preset);
                }
                System.out.println(preset + " " + input + ": "
                        + Interleaved.compare(() -> time(a, text), () -> time(b, text), mb, rounds, warmup));
            }
        }
    }

    /** {@code text -> Converter.of(preset).convert(text)} of the build in {@code jar}. */
    private static MethodHandle converter(Path jar, String preset) throws Throwable {
        ClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        Class<?> c = Class.forName("dev.zhnorm.Converter", true, loader);
        Object converter = c.getMethod("of", String.class).invoke(null, preset);
        MethodHandle convert = MethodHandles.publicLookup()
                .findVirtual(c, "convert", MethodType.methodType(String.class, CharSequence.class));
        return convert.bindTo(converter).asType(MethodType.methodType(String.class, CharSequence.class));
    }

    private static String run(MethodHandle convert, String text) throws Throwable {
        return (String) convert.invokeExact((CharSequence) text);
    }

    private static double time(MethodHandle convert, String text) throws Throwable {
        long start = THREAD.getCurrentThreadCpuTime();
        run(convert, text);
        return (THREAD.getCurrentThreadCpuTime() - start) / 1e9;
    }
}
