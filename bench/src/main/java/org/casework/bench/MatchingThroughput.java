package org.casework.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.casework.matching.PersonMatching;
import org.casework.matching.PersonRecord;

/**
 * How fast one thread compares a probe with its candidates, the part of a prior-complaint lookup
 * that {@code org.casework.matching} does, without the server, the database or the network around
 * it. The people are detainees from the complaints benchmark's generator ({@link ComplaintSamples}),
 * held in memory with their blocking keys; a probe's candidates are the people sharing a key whose
 * date of birth the matcher does not rule out, the newest {@code --candidates} of them. That is
 * simpler than the complaints store's pick (it ranks by shared keys and takes at most a hundred
 * people without a date of birth per key): at 1,000,000 it gives somewhat more candidates (436
 * against about 330 a lookup in the server) and as many matches (46 against 47). Prints
 * candidates compared per second and the time per probe.
 *
 * <pre>bench/run-matching.sh [N] [--probes=2000] [--candidates=500] [--rounds=3]</pre>
 */
public final class MatchingThroughput {

    private MatchingThroughput() {
    }

    public static void main(String[] args) {
        int n = 200_000;
        int probes = 2_000;
        int cap = 500;
        int rounds = 3;
        for (String a : args) {
            String value = a.substring(a.indexOf('=') + 1).replace("_", "");
            if (a.startsWith("--probes=")) {
                probes = positive("--probes", value);
            } else if (a.startsWith("--candidates=")) {
                cap = positive("--candidates", value);
            } else if (a.startsWith("--rounds=")) {
                rounds = positive("--rounds", value);
            } else if (!a.startsWith("--")) {
                n = positive("N", a.replace("_", ""));
            } else {
                throw new IllegalArgumentException("Unknown option " + a
                        + "; use [N] [--probes=2000] [--candidates=500] [--rounds=3]");
            }
        }
        List<PersonRecord> people = people(n);
        Map<String, List<Integer>> byKey = new HashMap<>();
        for (int i = 0; i < people.size(); i++) {
            for (String key : PersonMatching.blockingKeys(people.get(i))) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
        Random pick = new Random(7);
        int[] probeIds = new int[probes];
        for (int i = 0; i < probes; i++) {
            probeIds[i] = pick.nextInt(people.size());
        }
        List<List<PersonRecord>> candidates = new ArrayList<>(probes);
        long total = 0;
        for (int id : probeIds) {
            List<PersonRecord> c = candidates(people, byKey, id, cap);
            candidates.add(c);
            total += c.size();
        }
        System.out.printf(Locale.ROOT, "matching: %,d people, %,d probes, %.1f candidates each (at most %d)%n",
                people.size(), probes, total / (double) probes, cap);
        for (int round = 1; round <= rounds; round++) {
            // the first round also warms the JIT and the word caches, as a server's first lookups do
            long[] nanos = new long[probes];
            long matches = 0;
            long start = System.nanoTime();
            for (int i = 0; i < probes; i++) {
                long t0 = System.nanoTime();
                PersonMatching.Probe probe = PersonMatching.prepare(people.get(probeIds[i]));
                for (PersonRecord c : candidates.get(i)) {
                    if (PersonMatching.compare(probe, c).isPresent()) {
                        matches++;
                    }
                }
                nanos[i] = System.nanoTime() - t0;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "matching: round %d: %,.0f candidates/s on one thread; per probe p50 %.2f ms, "
                    + "p99 %.2f ms; %.1f matches each%n", round, total / seconds, nanos[probes / 2] / 1e6,
                    nanos[(int) (probes * 0.99)] / 1e6, matches / (double) probes);
        }
    }

    /** Detainees as the complaints benchmark generates them: one generator, the benchmark's seed. */
    @SuppressWarnings("unchecked")
    private static List<PersonRecord> people(int n) {
        ComplaintSamples samples = new ComplaintSamples(ComplaintBenchmark.SEED, 0.3);
        List<PersonRecord> people = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<String, Object> detainee = (Map<String, Object>) samples.next(false).stored().get("detainee");
            Object born = detainee.get("dateOfBirth");
            people.add(new PersonRecord(String.valueOf(detainee.get("fullName")),
                    (List<String>) detainee.get("aliases"), born == null ? null : LocalDate.parse((String) born)));
        }
        return people;
    }

    /** The newest people sharing a key with the probe whose date of birth may match, the probe left out. */
    private static List<PersonRecord> candidates(List<PersonRecord> people, Map<String, List<Integer>> byKey, int probe,
            int cap) {
        PersonRecord p = people.get(probe);
        Set<LocalDate> dates = PersonMatching.compatibleBirthDates(p.dateOfBirth());
        TreeSet<Integer> ids = new TreeSet<>();
        for (String key : PersonMatching.blockingKeys(p)) {
            for (int id : byKey.getOrDefault(key, List.of())) {
                LocalDate born = people.get(id).dateOfBirth();
                if (id != probe && (dates.isEmpty() || born == null || dates.contains(born))) {
                    ids.add(id);
                }
            }
        }
        List<PersonRecord> out = new ArrayList<>(Math.min(cap, ids.size()));
        for (Integer id : ids.descendingSet()) {
            if (out.size() == cap) {
                break;
            }
            out.add(people.get(id));
        }
        return out;
    }

    private static int positive(String name, String value) {
        try {
            int v = Integer.parseInt(value);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a whole number above 0, not \"" + value + "\"");
    }
}
