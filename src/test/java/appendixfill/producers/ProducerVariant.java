package appendixfill.producers;

import java.nio.file.Path;

/**
 * One way a producer may spell the bundled example workbook, and what the tool must do with it.
 *
 * @param name         the case's name (kebab-case, ASCII): the test's display name and file name
 * @param outcome      completed as the plain example is, or refused
 * @param sameInfoset  true when the variant changes only how the parts are spelled or zipped, so
 *                     that every XML part holds the example's infoset (namespaces resolved)
 * @param fixture      true for a real producer's committed file, false for a generated one
 * @param maker        writes the variant's workbook
 */
record ProducerVariant(String name, Outcome outcome, boolean sameInfoset, boolean fixture, Maker maker) {

    /** What the tool must do with a variant. */
    enum Outcome {
        /** Exit 1 and the plain example's values.csv and findings.csv, in a valid completed workbook. */
        COMPLETED,
        /** Exit 2, one line naming the file, nothing written. */
        REFUSED
    }

    /** Writes a variant's workbook to a file. */
    interface Maker {
        void write(Path target) throws Exception;
    }

    @Override
    public String toString() {
        return name;
    }
}
