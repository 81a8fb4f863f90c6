package appendixfill.cli;


import appendixfill.input.Language;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Fills, checks and reports one or more Phụ lục I workbooks. */
@Command(name = "appendix-fill", version = "appendix-fill 0.1.0",
        sortOptions = false, usageHelpWidth = 100, addMethodSubcommands = false,
        synopsisHeading = "Cách dùng: ", synopsisSubcommandLabel = "[LỆNH]", commandListHeading = "%nLệnh:%n",
        optionListHeading = "%nTùy chọn:%n",
        parameterListHeading = "%nTham số:%n",
        description = {"Tính lại các tỷ lệ, kiểm tra số liệu và viết báo cáo CCHC từ biểu Phụ lục I (Excel hoặc LibreOffice).",
            "Ghi ra TÊN.filled.xlsx, TÊN.report.txt, TÊN.report.docx, TÊN.values.csv và TÊN.findings.csv.",
            "Nhiều tệp: mã thoát là mã xấu nhất trong các tệp."},
        exitCodeListHeading = "%nMã thoát:%n",
        exitCodeList = {"0:không có lỗi", "1:có lỗi trong số liệu (vẫn ghi kết quả)",
            "2:tệp không dùng được hoặc lệnh sai (không ghi gì cho tệp đó)", "3:lỗi nội bộ"})
final class FillCommand implements Callable<Integer> {

    private final ErrorLog log;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Hiện hướng dẫn này.")
    private boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Hiện phiên bản.")
    private boolean version;

    @Parameters(paramLabel = "TỆP", arity = "0..*",
            description = "Tệp Phụ lục I cần xử lý (.xlsx, .xlsm, .xls hoặc .ods; theo mẫu hoặc bảng tự lập), hoặc thư mục "
                    + "chứa các tệp đó; @TỆP đọc danh sách tệp từ TỆP.")
    private List<Path> workbooks = List.of();

    @Option(names = "--out", paramLabel = "THƯ-MỤC",
            description = "Thư mục ghi kết quả (mặc định: thư mục của tệp đầu vào).")
    private Path out;

    @Option(names = "--previous", paramLabel = "TỆP-KỲ-TRƯỚC",
            description = "Biểu của chính đơn vị ở kỳ trước (bất kỳ định dạng nào ở trên): số liệu lũy kế giảm là lỗi, "
                    + "số liệu thay đổi quá nhiều là cảnh báo.")
    private Path previous;

    @Option(names = "--lang", paramLabel = "vi|en", defaultValue = "vi",
            description = "Ngôn ngữ của thông báo khi không dùng được tệp: vi (mặc định) hoặc en.")
    private Language language = Language.VI;

    FillCommand(ErrorLog log) {
        this.log = log;
    }

    @Override
    public Integer call() throws Exception {
        return new FillRun(Optional.ofNullable(out), language, spec.commandLine().getOut(), spec.commandLine().getErr(),
                log).previous(Optional.ofNullable(previous)).fill(workbooks);
    }
}
