package org.ishenim.bench.cryptanalysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Frequent bit-pattern attack after Christen, Schnell, Vatsalan and Ranbaduge (PAKDD 2017) and its maximal
 * frequent itemset refinement (Christen et al., PAKDD 2018), adapted to whole-name blocks as issue 14 describes.
 * It uses only the encodings, the public schema and a frequency table.
 *
 * <ol>
 * <li><b>Universes.</b> With a record salt, the encodings are first split into one universe per salt value
 * ({@link Universes}); every step below runs inside one universe.</li>
 * <li><b>Sex.</b> The positions held by most records form the majority sex token (15 positions); its holders
 * are one sex and everyone else the other.</li>
 * <li><b>Mining.</b> A token sets the same positions in every record that holds it, so its positions are set
 * together far more often than chance. Seeded by the most correlated pair of positions (phi over the records),
 * a block grows by the positions most correlated with it, then is closed: its holders are the records holding
 * nearly all of it, and the block is every position nearly all of them hold (a closed itemset). The block is
 * then peeled from its holders and the next one mined. Rare blocks, too weak to stand out in the correlations,
 * are then seeded by a record and the record sharing most of its remaining bits.</li>
 * <li><b>Typing, from the schema alone.</b> A name block has about as many positions as the schema's insertions
 * for the feature. Given names are one sex; family names are not. Blocks of one kind share positions with one
 * another (common bigrams, keyed per feature), and blocks that share nothing with either kind (years) are
 * dropped.</li>
 * <li><b>Alignment and graph refinement.</b> Groups of records holding one block are aligned to the table by
 * size, then re-assigned one to one by a cost that adds the frequency misfit and the misfit of the block's
 * overlaps with the larger blocks: two names' blocks overlap in the positions of their shared bigrams,
 * min(k, k') each, which the public bits-per-token rule predicts for any pair of candidate names.</li>
 * </ol>
 * Records in no group get the most common name of their sex.
 */
final class PatternMiningAttack implements Attack {

    @Override
    public String name() {
        return "pattern mining";
    }

    @Override
    public Guesses run(AttackerView view, FrequencyTable table) {
        long[][] records = view.words();
        PublicSchema schema = view.schema();
        String[] given = new String[records.length];
        String[] family = new String[records.length];
        for (int[] universe : Universes.split(records, schema)) {
            new UniverseAttack(records, universe, schema, table).run(given, family);
        }
        return new Guesses(given, family);
    }

    /** Tuning, public to any attacker. */
    private static final double SEED_Z = 6.0;
    private static final int MAX_BLOCK = 140;
    private static final int ANCHOR_HOLDERS = 20;
    /** Overlap beyond chance that marks a shared bigram (about 3.5 standard deviations of chance overlap). */
    private static final double SHARED_BIGRAM = 10;

    private static final class Block {
        final int[] mined;
        final long[] holders;
        final int size;
        long[] full;
        int fullSize;
        double majorShare;
        char type = '?';
        String name;

        Block(int[] mined, long[] holders) {
            this.mined = mined;
            this.holders = holders;
            this.size = Bits.count(holders);
        }
    }

    private static final class UniverseAttack {

        private final int n;
        private final int bits;
        private final int words;
        private final int rows;
        private final long[][] original;
        private final long[][] residual;
        private final long[][] column;
        private final int[] universe;
        private final PublicSchema schema;
        private final FrequencyTable table;
        private final List<Block> blocks = new ArrayList<>();
        private final long[] noise;
        private final double fill;
        private final double lost;
        private boolean[] major;
        private String majorSex;
        private int[][] cooccur;
        private final Random random = new Random(20171);

        UniverseAttack(long[][] all, int[] universe, PublicSchema schema, FrequencyTable table) {
            this.universe = universe;
            this.n = universe.length;
            this.schema = schema;
            this.table = table;
            this.bits = schema.bits();
            this.words = (bits + 63) >>> 6;
            this.rows = (n + 63) >>> 6;
            this.original = new long[n][];
            this.residual = new long[n][];
            for (int i = 0; i < n; i++) {
                original[i] = all[universe[i]];
                residual[i] = all[universe[i]].clone();
            }
            this.column = new long[bits][rows];
            for (int i = 0; i < n; i++) {
                for (int p = 0; p < bits; p++) {
                    if (Bits.get(residual[i], p)) {
                        Bits.add(column[p], i);
                    }
                }
            }
            this.noise = new long[words];
            long set = 0;
            for (long[] v : original) {
                set += Bits.count(v);
            }
            this.fill = n == 0 ? 0 : (double) set / n / bits;
            this.lost = lostShare(schema, fill);
        }

        /**
         * The share of a token's positions a holder is expected to miss. Bit flipping clears each with the public
         * probability p. An XOR fold clears a holder's folded bit when the position it folds onto is also set,
         * which happens with the unfolded filter's fill q; the folded fill f = 2q(1 - q) gives q from the data.
         */
        private static double lostShare(PublicSchema schema, double fill) {
            double lost = schema.flipProbability();
            if (schema.xorFolds() > 0) {
                lost += (1 - Math.sqrt(Math.max(0, 1 - 2 * fill))) / 2;
            }
            return lost;
        }

        /**
         * A "nearly all" threshold, loosened for holders who miss a share of their token's bits (and non-holders
         * who gain some): lowered by 1.5 times the lost share, but kept well above the background fill.
         */
        private double nearly(double share) {
            return lost == 0 ? share : Math.max(share - 1.5 * lost, fill + 0.15);
        }

        void run(String[] given, String[] family) {
            majorSex = table.maleShare() >= 0.5 ? "M" : "F";
            major = new boolean[n];
            Arrays.fill(major, true);
            if (n >= 20) {
                peelUniversal();
                sex();
                mineCorrelated();
                mineFromRecords();
                type();
            }
            assign(given, family);
        }

        // ---- mining -------------------------------------------------------------------------------------

        private void peelUniversal() {
            List<Integer> universal = new ArrayList<>();
            for (int p = 0; p < bits; p++) {
                if (Bits.count(column[p]) >= nearly(0.98) * n) {
                    universal.add(p);
                }
            }
            if (!universal.isEmpty()) {
                int[] b = universal.stream().mapToInt(Integer::intValue).toArray();
                long[] everyone = holders(b, nearly(0.9));
                peel(b, everyone);
                for (int p : b) {
                    Bits.set(noise, p);
                }
            }
        }

        private void sex() {
            Integer[] order = IntStream.range(0, bits).boxed().toArray(Integer[]::new);
            Arrays.sort(order, Comparator.comparingInt((Integer p) -> Bits.count(column[p])).reversed());
            int[] top = new int[15];
            for (int i = 0; i < top.length; i++) {
                top[i] = order[i];
            }
            long[] h = holders(top, nearly(0.8));
            int[] b = withoutNoise(supported(h, nearly(0.98), original));
            h = holders(b, nearly(0.9), original);
            long[] minor = new long[rows];
            for (int i = 0; i < n; i++) {
                major[i] = Bits.has(h, i);
                if (!major[i]) {
                    Bits.add(minor, i);
                }
            }
            int[] minorBlock = Bits.count(minor) > 0 ? withoutNoise(supported(minor, nearly(0.98), original)) : new int[0];
            peel(b, h);
            peel(minorBlock, minor);
            for (int p : b) {
                Bits.set(noise, p);
            }
            for (int p : minorBlock) {
                Bits.set(noise, p);
            }
        }

        /** Drops the positions every record holds (a salted universe's year token): they tell no one apart. */
        private int[] withoutNoise(int[] positions) {
            return Arrays.stream(positions).filter(p -> !Bits.get(noise, p)).toArray();
        }

        /** Positions held by at least {@code share} of the rows in {@code h}, in the given vectors. */
        private int[] supported(long[] h, double share, long[][] vectors) {
            int[] support = new int[bits];
            int size = 0;
            for (int i = 0; i < n; i++) {
                if (Bits.has(h, i)) {
                    size++;
                    long[] v = vectors[i];
                    for (int w = 0; w < words; w++) {
                        long x = v[w];
                        while (x != 0) {
                            int bit = Long.numberOfLeadingZeros(x);
                            support[(w << 6) + bit]++;
                            x &= ~(Long.MIN_VALUE >>> bit);
                        }
                    }
                }
            }
            List<Integer> out = new ArrayList<>();
            for (int p = 0; p < bits; p++) {
                if (size > 0 && support[p] >= share * size) {
                    out.add(p);
                }
            }
            return out.stream().mapToInt(Integer::intValue).toArray();
        }

        private long[] holders(int[] block, double share) {
            return holders(block, share, residual);
        }

        private long[] holders(int[] block, double share, long[][] vectors) {
            long[] mask = Bits.of(block, bits);
            long[] h = new long[rows];
            for (int i = 0; i < n; i++) {
                if (block.length > 0 && Bits.common(vectors[i], mask) >= share * block.length) {
                    Bits.add(h, i);
                }
            }
            return h;
        }

        /** Closes a seed: holders hold most of the block, the block is what nearly all holders hold. */
        private Block close(int[] seed, double share) {
            int[] b = seed;
            long[] h = null;
            for (int iter = 0; iter < 6; iter++) {
                h = holders(b, share);
                if (Bits.count(h) < 2) {
                    return null;
                }
                int[] next = supported(h, nearly(0.9), residual);
                if (next.length < 8) {
                    return null;
                }
                boolean same = Arrays.equals(next, b);
                b = next;
                share = nearly(0.85);
                if (same) {
                    break;
                }
            }
            h = holders(b, nearly(0.85));
            return Bits.count(h) >= 2 ? new Block(b, h) : null;
        }

        /** Clears a block's positions from its holders' residual vectors (and the co-occurrence counts). */
        private void peel(int[] block, long[] h) {
            long[] mask = Bits.of(block, bits);
            int[] kept = new int[bits];
            int[] removed = new int[bits];
            for (int i = 0; i < n; i++) {
                if (!Bits.has(h, i)) {
                    continue;
                }
                long[] v = residual[i];
                int nr = 0;
                int nk = 0;
                for (int w = 0; w < words; w++) {
                    long gone = v[w] & mask[w];
                    long stay = v[w] & ~mask[w];
                    while (gone != 0) {
                        int bit = Long.numberOfLeadingZeros(gone);
                        removed[nr++] = (w << 6) + bit;
                        gone &= ~(Long.MIN_VALUE >>> bit);
                    }
                    while (stay != 0) {
                        int bit = Long.numberOfLeadingZeros(stay);
                        kept[nk++] = (w << 6) + bit;
                        stay &= ~(Long.MIN_VALUE >>> bit);
                    }
                    v[w] &= ~mask[w];
                }
                long row = ~(1L << i);
                for (int a = 0; a < nr; a++) {
                    int p = removed[a];
                    column[p][i >>> 6] &= row;
                    if (cooccur != null) {
                        int[] cp = cooccur[p];
                        for (int b = 0; b < nr; b++) {
                            cp[removed[b]]--;
                        }
                        for (int b = 0; b < nk; b++) {
                            cp[kept[b]]--;
                            cooccur[kept[b]][p]--;
                        }
                    }
                }
            }
        }

        private void mineCorrelated() {
            cooccur = new int[bits][bits];
            IntStream.range(0, bits).parallel().forEach(p -> {
                for (int q = p; q < bits; q++) {
                    int c = Bits.common(column[p], column[q]);
                    cooccur[p][q] = c;
                    cooccur[q][p] = c;
                }
            });
            double sqrtN = Math.sqrt(n);
            double[] sd = new double[bits];
            float[] zs = new float[bits * bits];
            for (int p = 0; p < bits; p++) {
                sd[p] = deviation(p);
            }
            IntStream.range(0, bits).parallel().forEach(p -> {
                for (int q = 0; q < bits; q++) {
                    zs[p * bits + q] = (float) zOrFloor(p, q, sd, sqrtN);
                }
            });
            for (int round = 0; round < 3_000; round++) {
                int best = -1;
                float bestZ = (float) SEED_Z;
                for (int i = 0; i < zs.length; i++) {
                    if (zs[i] > bestZ) {
                        bestZ = zs[i];
                        best = i;
                    }
                }
                if (best < 0) {
                    break;
                }
                int bestP = best / bits;
                int bestQ = best % bits;
                int[] grown = grow(bestP, bestQ, bestZ, sd, sqrtN);
                Block block = close(grown, nearly(0.8));
                if (block == null) {
                    zs[bestP * bits + bestQ] = Float.NEGATIVE_INFINITY;
                    zs[bestQ * bits + bestP] = Float.NEGATIVE_INFINITY;
                    continue;
                }
                blocks.add(block);
                peel(block.mined, block.holders);
                for (int p : block.mined) {
                    sd[p] = deviation(p);
                }
                for (int p : block.mined) {
                    for (int q = 0; q < bits; q++) {
                        if (zs[p * bits + q] != Float.NEGATIVE_INFINITY) {
                            float z = (float) zOrFloor(p, q, sd, sqrtN);
                            zs[p * bits + q] = z;
                            zs[q * bits + p] = z;
                        }
                    }
                }
                zs[bestP * bits + bestQ] = Float.NEGATIVE_INFINITY;
                zs[bestQ * bits + bestP] = Float.NEGATIVE_INFINITY;
            }
            cooccur = null;
        }

        private double deviation(int p) {
            double np = cooccur[p][p];
            return Math.sqrt(np * (n - np));
        }

        private double zOrFloor(int p, int q, double[] sd, double sqrtN) {
            return p == q || sd[p] == 0 || sd[q] == 0 ? 0 : z(p, q, sd, sqrtN);
        }

        private double z(int p, int q, double[] sd, double sqrtN) {
            double c = cooccur[p][q];
            return (n * c - (double) cooccur[p][p] * cooccur[q][q]) / (sd[p] * sd[q]) * sqrtN;
        }

        private int[] grow(int p, int q, double seedZ, double[] sd, double sqrtN) {
            double[] sum = new double[bits];
            boolean[] in = new boolean[bits];
            List<Integer> block = new ArrayList<>(List.of(p, q));
            in[p] = true;
            in[q] = true;
            for (int x = 0; x < bits; x++) {
                if (sd[x] > 0) {
                    sum[x] = z(x, p, sd, sqrtN) + z(x, q, sd, sqrtN);
                }
            }
            double floor = Math.max(3.0, 0.3 * seedZ);
            while (block.size() < MAX_BLOCK) {
                int best = -1;
                for (int x = 0; x < bits; x++) {
                    if (!in[x] && sd[x] > 0 && (best < 0 || sum[x] > sum[best])) {
                        best = x;
                    }
                }
                if (best < 0 || sum[best] / block.size() < floor) {
                    break;
                }
                in[best] = true;
                block.add(best);
                for (int x = 0; x < bits; x++) {
                    if (sd[x] > 0) {
                        sum[x] += z(x, best, sd, sqrtN);
                    }
                }
            }
            return block.stream().mapToInt(Integer::intValue).toArray();
        }

        /** Rare blocks: a record and the record sharing most of its remaining bits seed the closure. */
        private void mineFromRecords() {
            int[] bigBlocks = new int[n];
            for (Block b : blocks) {
                if (b.mined.length >= 40) {
                    for (int i = 0; i < n; i++) {
                        if (Bits.has(b.holders, i)) {
                            bigBlocks[i]++;
                        }
                    }
                }
            }
            int[] order = IntStream.range(0, n).toArray();
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            int partners = Math.min(n, 20_000);
            for (int r : order) {
                if (bigBlocks[r] >= 2 || Bits.count(residual[r]) < 40) {
                    continue;
                }
                int best = -1;
                int bestCommon = 29;
                int start = random.nextInt(n);
                for (int k = 0; k < partners; k++) {
                    int t = (start + k) % n;
                    if (t == r) {
                        continue;
                    }
                    int c = Bits.common(residual[r], residual[t]);
                    if (c > bestCommon) {
                        bestCommon = c;
                        best = t;
                    }
                }
                if (best < 0) {
                    continue;
                }
                long[] shared = new long[words];
                for (int w = 0; w < words; w++) {
                    shared[w] = residual[r][w] & residual[best][w];
                }
                Block block = close(Bits.positions(shared, bits), nearly(0.6));
                if (block == null || block.mined.length < 30 || !Bits.has(block.holders, r)) {
                    continue;
                }
                blocks.add(block);
                peel(block.mined, block.holders);
                for (int i = 0; i < n; i++) {
                    if (Bits.has(block.holders, i)) {
                        bigBlocks[i]++;
                    }
                }
            }
        }

        // ---- typing -------------------------------------------------------------------------------------

        private void type() {
            List<Block> named = new ArrayList<>();
            for (Block b : blocks) {
                b.full = Bits.of(supported(b.holders, nearly(0.95), original), bits);
                for (int w = 0; w < words; w++) {
                    b.full[w] &= ~noise[w];
                }
                b.fullSize = Bits.count(b.full);
                int m = 0;
                for (int i = 0; i < n; i++) {
                    if (Bits.has(b.holders, i) && major[i]) {
                        m++;
                    }
                }
                b.majorShare = (double) m / b.size;
                if (b.fullSize >= 60) {
                    named.add(b);
                }
            }
            named.sort(Comparator.comparingInt((Block b) -> b.size).reversed());
            List<Block> distinct = new ArrayList<>();
            for (Block b : named) {
                // a second block of one name (its holders' leftover positions): same positions, fewer holders
                if (distinct.stream().noneMatch(d -> Bits.common(d.full, b.full) >= 0.7 * Math.min(d.fullSize, b.fullSize))) {
                    distinct.add(b);
                }
            }
            named = distinct;
            List<Block> givenAnchors = new ArrayList<>();
            List<Block> familyAnchors = new ArrayList<>();
            List<Block> mixed = named.stream().filter(b -> b.size >= ANCHOR_HOLDERS && !pure(b)).toList();
            for (Block b : named) {
                if (b.size < ANCHOR_HOLDERS) {
                    continue;
                }
                if (pure(b)) {
                    b.type = 'G';
                    givenAnchors.add(b);
                } else if (mixed.stream().anyMatch(o -> o != b && excess(b, o) >= SHARED_BIGRAM)) {
                    b.type = 'F';
                    familyAnchors.add(b);
                }
            }
            for (Block b : named) {
                if (b.size >= ANCHOR_HOLDERS) {
                    continue;
                }
                double g = givenAnchors.stream().mapToDouble(a -> excess(b, a)).max().orElse(0);
                double f = familyAnchors.stream().mapToDouble(a -> excess(b, a)).max().orElse(0);
                b.type = pure(b) && g >= f ? 'G' : 'F';
            }
        }

        private static boolean pure(Block b) {
            return b.majorShare >= 0.95 || b.majorShare <= 0.05;
        }

        /** Overlap beyond chance between two blocks' full positions. */
        private double excess(Block a, Block b) {
            return Bits.common(a.full, b.full) - (double) a.fullSize * b.fullSize / bits;
        }

        // ---- alignment ----------------------------------------------------------------------------------

        private void assign(String[] given, String[] family) {
            int majorCount = 0;
            for (boolean m : major) {
                majorCount += m ? 1 : 0;
            }
            String minorSex = majorSex.equals("M") ? "F" : "M";
            Map<Block, String> names = new HashMap<>();
            for (String sex : List.of(majorSex, minorSex)) {
                boolean isMajor = sex.equals(majorSex);
                List<Block> groups = blocks.stream().filter(b -> b.type == 'G' && (b.majorShare >= 0.5) == isMajor)
                        .toList();
                List<FrequencyTable.GivenName> candidates = table.given(sex);
                double sexShare = candidates.stream().mapToDouble(FrequencyTable.GivenName::share).sum();
                int people = isMajor ? majorCount : n - majorCount;
                List<Candidate> c = candidates.stream().map(g -> new Candidate(g.name(),
                        g.share() / sexShare * people, schema.givenTokens(g.name()), PublicSchema.skeleton(g.name())))
                        .toList();
                align(groups, c, schema.skeletonBits(), names);
            }
            List<Block> familyGroups = blocks.stream().filter(b -> b.type == 'F').toList();
            List<Candidate> fc = table.family().stream().map(f -> new Candidate(f.name(), f.share() * n,
                    schema.familyTokens(f.name()), null)).toList();
            align(familyGroups, fc, 0, names);

            String commonMajor = table.given(majorSex).isEmpty() ? "" : table.given(majorSex).get(0).name();
            String commonMinor = table.given(minorSex).isEmpty() ? "" : table.given(minorSex).get(0).name();
            String commonFamily = table.family().isEmpty() ? "" : table.family().get(0).name();
            for (int i = 0; i < n; i++) {
                Block g = largestHolding('G', i, names);
                Block f = largestHolding('F', i, names);
                given[universe[i]] = g != null ? names.get(g) : (major[i] ? commonMajor : commonMinor);
                family[universe[i]] = f != null ? names.get(f) : commonFamily;
            }
        }

        private Block largestHolding(char type, int i, Map<Block, String> names) {
            Block best = null;
            for (Block b : blocks) {
                if (b.type == type && names.containsKey(b) && Bits.has(b.holders, i)
                        && (best == null || b.size > best.size)) {
                    best = b;
                }
            }
            return best;
        }

        private record Candidate(String name, double expected, Map<String, Integer> tokens, String skeleton) {
        }

        /**
         * Large groups are aligned to the table by size. Each smaller group then takes, one to one, the remaining
         * name that best fits both its size and its overlaps with the large groups' blocks, as the public
         * bits-per-token rule predicts them for each candidate name.
         */
        private void align(List<Block> groups, List<Candidate> candidates, int skeletonBits,
                Map<Block, String> names) {
            if (groups.isEmpty() || candidates.isEmpty()) {
                return;
            }
            List<Block> sorted = new ArrayList<>(groups);
            sorted.sort(Comparator.comparingInt((Block b) -> b.size).reversed());
            Map<Block, Candidate> current = new HashMap<>();
            boolean[] nameDone = new boolean[candidates.size()];
            int next = 0;
            List<Block> small = new ArrayList<>();
            for (Block g : sorted) {
                if (g.size >= ANCHOR_HOLDERS && next < candidates.size()) {
                    current.put(g, candidates.get(next));
                    nameDone[next++] = true;
                } else {
                    small.add(g);
                }
            }
            List<Block> anchors = sorted.stream().filter(current::containsKey).toList();
            improveBySwaps(anchors, current, skeletonBits);
            List<double[]> pairs = new ArrayList<>();
            for (int gi = 0; gi < small.size(); gi++) {
                Block g = small.get(gi);
                List<double[]> own = new ArrayList<>();
                double min = Double.MAX_VALUE;
                for (int ci = 0; ci < candidates.size(); ci++) {
                    if (nameDone[ci]) {
                        continue;
                    }
                    Candidate x = candidates.get(ci);
                    double cost = freqMisfit(g, x) + overlapMisfit(g, x, anchors, current, skeletonBits);
                    min = Math.min(min, cost);
                    own.add(new double[] {cost, gi, ci});
                }
                for (double[] p : own) {
                    p[0] -= min; // regret: what taking this name costs the group against its best choice
                    pairs.add(p);
                }
            }
            pairs.sort(Comparator.comparingDouble(p -> p[0]));
            boolean[] groupDone = new boolean[small.size()];
            for (double[] p : pairs) {
                int gi = (int) p[1];
                int ci = (int) p[2];
                if (!groupDone[gi] && !nameDone[ci]) {
                    groupDone[gi] = true;
                    nameDone[ci] = true;
                    current.put(small.get(gi), candidates.get(ci));
                }
            }
            current.forEach((g, c) -> names.put(g, c.name()));
        }

        /**
         * Among the large groups, swaps two groups' names while that lowers the total misfit: sizes against the
         * table, and every pair of blocks' overlap against the overlap their names predict.
         */
        private void improveBySwaps(List<Block> anchors, Map<Block, Candidate> current, int skeletonBits) {
            for (int pass = 0; pass < 5; pass++) {
                boolean improved = false;
                for (int i = 0; i < anchors.size(); i++) {
                    for (int j = i + 1; j < anchors.size(); j++) {
                        Block a = anchors.get(i);
                        Block b = anchors.get(j);
                        Candidate x = current.get(a);
                        Candidate y = current.get(b);
                        double before = local(a, x, b, anchors, current, skeletonBits)
                                + local(b, y, a, anchors, current, skeletonBits) + pairMisfit(a, x, b, y, skeletonBits);
                        double after = local(a, y, b, anchors, current, skeletonBits)
                                + local(b, x, a, anchors, current, skeletonBits) + pairMisfit(a, y, b, x, skeletonBits);
                        if (after < before - 1e-9) {
                            current.put(a, y);
                            current.put(b, x);
                            improved = true;
                        }
                    }
                }
                if (!improved) {
                    return;
                }
            }
        }

        /** A group's size misfit and its overlap misfit with every anchor except {@code other}. */
        private double local(Block g, Candidate x, Block other, List<Block> anchors, Map<Block, Candidate> current,
                int skeletonBits) {
            double sum = freqMisfit(g, x);
            for (Block a : anchors) {
                if (a != g && a != other) {
                    sum += pairMisfit(g, x, a, current.get(a), skeletonBits);
                }
            }
            return sum;
        }

        private double pairMisfit(Block g, Candidate x, Block a, Candidate y, int skeletonBits) {
            int shared = PublicSchema.sharedPositions(x.tokens(), y.tokens());
            if (x.skeleton() != null && x.skeleton().equals(y.skeleton())) {
                shared += skeletonBits;
            }
            double chance = (double) Math.max(0, g.fullSize - shared) * Math.max(0, a.fullSize - shared) / bits;
            double d = Bits.common(g.full, a.full) - shared - chance;
            return Math.min(d * d / (2 * (chance + 2)), 4);
        }

        /** Minus the log-likelihood of the group's size under the candidate's expected count (log-normal). */
        private static double freqMisfit(Block g, Candidate x) {
            double d = Math.log((g.size + 0.5) / (x.expected() + 0.5));
            return d * d / (2 * (1.0 / (g.size + 1) + 0.02));
        }

        private double overlapMisfit(Block g, Candidate x, List<Block> anchors, Map<Block, Candidate> current,
                int skeletonBits) {
            double sum = 0;
            for (Block a : anchors) {
                if (a != g && current.get(a) != x) {
                    sum += pairMisfit(g, x, a, current.get(a), skeletonBits);
                }
            }
            return sum;
        }
    }
}
