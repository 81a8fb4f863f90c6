package appendixfill.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import appendixfill.input.Language;
import appendixfill.input.UnusableInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * List files as the Windows launcher writes them (every argument on a line of its own, in double
 * quotes, UTF-8) and as officers write them in Notepad.
 */
class WorkbookListTest {

    @TempDir
    Path folder;

    private Path list(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void theLaunchersListGivesEveryArgumentBackExactlyInItsPlace() throws Exception {
        Path list = list("appendix-fill-123.txt", """
                "C:\\Users\\Cán bộ\\Tài liệu\\Biểu Phụ lục I quý III.xlsx"
                "C:\\BaoCao\\PhuLuc&BaoCao,2025.xlsx"
                "--out"
                "C:\\Users\\Cán bộ\\kết quả"
                "#1 bảng tạm.xlsx"
                " bắt đầu bằng dấu cách.xlsx"
                """);

        assertArrayEquals(new String[] {"--lang", "en", "C:\\Users\\Cán bộ\\Tài liệu\\Biểu Phụ lục I quý III.xlsx",
            "C:\\BaoCao\\PhuLuc&BaoCao,2025.xlsx", "--out", "C:\\Users\\Cán bộ\\kết quả", "#1 bảng tạm.xlsx",
            " bắt đầu bằng dấu cách.xlsx", "cuối.xlsx"}, WorkbookList.expand(new String[] {"--lang", "en", "@" + list,
                "cuối.xlsx"}));
    }

    @Test
    void aNotepadListSkipsItsMarkBlankLinesAndCommentsAndKeepsWholeNames() throws Exception {
        Path list = list("danh sách.txt", "\uFEFFxã Vũ Muộn quý 3.xlsx\r\n\r\n# quý 3\r\n  phường Hà Cầu.xlsx  \r\n\"\"\r\n");

        assertArrayEquals(new String[] {"xã Vũ Muộn quý 3.xlsx", "phường Hà Cầu.xlsx"},
                WorkbookList.expand(new String[] {"@" + list}));
    }

    @Test
    void aListedListIsExpandedInItsPlace() throws Exception {
        Path inner = list("danh-sach.txt", "b.xlsx\nc.xlsx\n");
        Path outer = list("appendix-fill-7.txt", "\"a.xlsx\"\n\"@" + inner + "\"\n\"d.xlsx\"\n");

        assertArrayEquals(new String[] {"a.xlsx", "b.xlsx", "c.xlsx", "d.xlsx"},
                WorkbookList.expand(new String[] {"@" + outer}));
    }

    @Test
    void aListThatNamesItselfIsRefusedNamingIt() throws Exception {
        Path first = folder.resolve("mot.txt");
        Path second = list("hai.txt", "@" + first + "\n");
        list("mot.txt", "a.xlsx\n@" + second + "\n");

        UnusableInput refused = assertThrows(UnusableInput.class, () -> WorkbookList.expand(new String[] {"@" + first}));

        assertEquals("Tệp danh sách «" + first + "» lại nêu chính nó (trực tiếp hoặc qua một danh sách khác); hãy bỏ "
                + "dòng @ đó. Chưa ghi gì.", refused.said().in(Language.VI));
    }

    @Test
    void aLoneAtSignIsAnArgumentLikeAnyOther() throws Exception {
        assertArrayEquals(new String[] {"@", "a.xlsx"}, WorkbookList.expand(new String[] {"@", "a.xlsx"}));
    }
}
