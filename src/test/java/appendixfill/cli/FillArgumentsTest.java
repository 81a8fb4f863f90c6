package appendixfill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import appendixfill.input.Language;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which command lines are read by hand, and what is read from them; every other one is left to picocli. */
class FillArgumentsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # arguments                              | workbooks                  | out        | language
            a.xlsx                                   | a.xlsx                     |            | VI
            a.xlsx b.ods thư-mục                     | a.xlsx b.ods thư-mục       |            | VI
            a.xlsx --out kết-quả                     | a.xlsx                     | kết-quả    | VI
            --out kết-quả a.xlsx                     | a.xlsx                     | kết-quả    | VI
            a.xlsx --out=kết-quả                     | a.xlsx                     | kết-quả    | VI
            a.xlsx --out=a=b                         | a.xlsx                     | a=b        | VI
            a.xlsx --lang en                         | a.xlsx                     |            | EN
            a.xlsx --lang=EN                         | a.xlsx                     |            | EN
            a.xlsx --lang Vi                         | a.xlsx                     |            | VI
            --lang en a.xlsx --out o b.xlsx          | a.xlsx b.xlsx              | o          | EN
            /tmp/x/vu-muon-nam-2023.xlsx --out /tmp/x | /tmp/x/vu-muon-nam-2023.xlsx | /tmp/x   | VI
            """)
    void theEverydayFillIsReadByHand(String arguments, String workbooks, String out, Language language) {
        FillArguments expected = new FillArguments(Arrays.stream(workbooks.split(" ")).map(Path::of).toList(),
                Optional.ofNullable(out).map(Path::of), language);

        assertEquals(Optional.of(expected), FillArguments.parse(arguments.split(" ")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # arguments                              | why picocli reads them
            --help                                   | help
            -h                                       | help
            a.xlsx -h                                | help
            --version                                | version
            -V                                       | version
            @danh-sach.txt                           | an argument file, expanded with picocli's quoting
            a.xlsx @danh-sach.txt                    | an argument file
            a.xlsx --out @o                          | an argument file where a value would be
            template -o mau.xlsx                     | a subcommand
            consolidate a.xlsx b.xlsx                | a subcommand
            a.xlsx template                          | a subcommand name after a workbook
            a.xlsx --out template                    | a subcommand name as a value
            a.xlsx --bogus                           | an unknown option
            a.xlsx -o x                              | an option of another command
            a.xlsx --OUT x                           | option names are case-sensitive
            a.xlsx --ou x                            | no abbreviated options
            a.xlsx -                                 | a lone dash
            -- a.xlsx                                | the end of options
            a.xlsx --out                             | a missing value
            a.xlsx --out=                            | an empty value
            a.xlsx --lang                            | a missing value
            a.xlsx --lang=                           | an empty value
            a.xlsx --out --lang en                   | an option where the value would be
            a.xlsx --out -x                          | a dash where the value would be
            a.xlsx --out=-x                          | a dash where the value would be
            a.xlsx --out x --out y                   | a repeated option
            a.xlsx --out=x --out y                   | a repeated option
            a.xlsx --lang en --lang vi               | a repeated option
            a.xlsx --lang fr                         | a language there is none of
            a.xlsx --lang vı                         | not ASCII, picocli judges
            --out x                                  | no workbook
            --lang en                                | no workbook
            """)
    void everyOtherCommandLineIsLeftToPicocli(String arguments, String why) {
        assertEquals(Optional.empty(), FillArguments.parse(arguments.split(" ")), why);
    }

    @Test
    void emptyAndImpossibleNamesAreLeftToPicocli() {
        assertEquals(Optional.empty(), FillArguments.parse(), "no arguments");
        assertEquals(Optional.empty(), FillArguments.parse("a.xlsx", ""), "an empty workbook name");
        assertEquals(Optional.empty(), FillArguments.parse("a.xlsx", "--out", ""), "an empty output folder");
        assertEquals(Optional.empty(), FillArguments.parse("a\0b.xlsx"), "a name Java cannot make a path of");
    }
}
