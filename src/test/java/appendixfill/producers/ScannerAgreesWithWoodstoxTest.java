package appendixfill.producers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import appendixfill.ooxml.OpcPackage;
import appendixfill.ooxml.Unsupported;
import appendixfill.ooxml.XmlEvents;
import appendixfill.ooxml.ZipArchive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every XML part of every workbook the producer matrix makes (each producer's spelling, the refused
 * ones too), and of the bundled template and example, is read by the scanner event for event as
 * Woodstox reads it, or refused by both for the same reason.
 */
class ScannerAgreesWithWoodstoxTest {

    @TempDir
    Path folder;

    static Stream<ProducerVariant> variants() {
        return ProducerVariants.all().stream();
    }

    /** Compares every XML part of a workbook; returns how many it compared (none when the zip itself is refused). */
    private static int compareParts(Path workbook) throws Exception {
        OpcPackage pkg;
        try {
            pkg = OpcPackage.read(workbook);
        } catch (Unsupported e) {
            return 0; // refused as a zip or a package, before any XML is read
        }
        int compared = 0;
        for (String part : pkg.parts()) {
            if (!pkg.isXml(part)) {
                continue;
            }
            byte[] bytes;
            try {
                bytes = pkg.bytes(part);
            } catch (Unsupported e) {
                continue; // over a budget of the zip: never handed to a parser
            }
            Set<String> names = new HashSet<>();
            List<String> woodstox = XmlEvents.outcome(XmlEvents.byWoodstox(bytes, part, names));
            assertEquals(woodstox, XmlEvents.outcome(XmlEvents.byScanner(bytes, part, names)), workbook + ": " + part);
            compared++;
        }
        return compared;
    }

    @ParameterizedTest
    @MethodSource("variants")
    void everyPartOfEveryProducersWorkbookIsReadAsWoodstoxReadsIt(ProducerVariant variant) throws Exception {
        Path workbook = folder.resolve(variant.name() + ".xlsx");
        variant.maker().write(workbook);
        int compared = compareParts(workbook);
        if (variant.outcome() == ProducerVariant.Outcome.COMPLETED) {
            assertTrue(compared >= 8, compared + " parts compared");
        }
    }

    @Test
    void everyPartOfTheBundledOpenDocumentExampleIsReadAsWoodstoxReadsIt() throws Exception {
        ZipArchive zip = ZipArchive.read(Path.of("workbook-templates", "example", "vu-muon-nam-2023.ods"),
                ZipArchive.Limits.OFFICE);
        int compared = 0;
        for (String part : zip.names()) {
            if (part.endsWith(".xml")) {
                byte[] bytes = zip.read(part);
                Set<String> names = new HashSet<>();
                assertEquals(XmlEvents.outcome(XmlEvents.byWoodstox(bytes, part, names)),
                        XmlEvents.outcome(XmlEvents.byScanner(bytes, part, names)), part);
                compared++;
            }
        }
        assertTrue(compared >= 4, compared + " parts");
    }

    @Test
    void everyPartOfTheBundledWorkbooksIsReadAsWoodstoxReadsIt() throws Exception {
        List<Path> bundled = new ArrayList<>();
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("workbook-templates")),
                Files.walk(Path.of("src", "test", "resources")))) {
            files.filter(f -> f.toString().endsWith(".xlsx") || f.toString().endsWith(".xlsm")).forEach(bundled::add);
        }
        int compared = 0;
        for (Path workbook : bundled) {
            compared += compareParts(workbook);
        }
        assertTrue(bundled.size() >= 7 && compared >= 60, bundled.size() + " workbooks, " + compared + " parts");
    }
}
