package appendixfill.fill;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import appendixfill.input.UnusableInput;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The completed workbook made on another thread while the report is rendered: what it wrote, or
 * what it threw, reaches the writing of the outputs as if it had been made there.
 */
class MadeAsideTest {

    private static CompletableFuture<byte[]> aside(OutputFiles.Content content) {
        return CompletableFuture.supplyAsync(() -> FillJob.bytes(content));
    }

    @Test
    void theBytesWrittenAreGivenBack() throws Exception {
        assertArrayEquals(new byte[] {1, 2, 3}, FillJob.joined(aside(out -> out.write(new byte[] {1, 2, 3}))));
    }

    @Test
    void aRefusalIsThrownAsItself() {
        UnusableInput refusal = new UnusableInput("Tệp «x.xlsx» không dùng được.");

        assertSame(refusal, assertThrows(UnusableInput.class, () -> FillJob.joined(aside(out -> {
            throw refusal;
        }))));
    }

    @Test
    void aFailureToWriteIsThrownAsItself() {
        IOException failure = new IOException("disk full");

        assertSame(failure, assertThrows(IOException.class, () -> FillJob.joined(aside(out -> {
            throw failure;
        }))));
    }

    @Test
    void aBugIsThrownAsItselfForTheInternalErrorItIs() {
        IllegalStateException bug = new IllegalStateException("a part written twice");

        assertSame(bug, assertThrows(IllegalStateException.class, () -> FillJob.joined(aside(out -> {
            throw bug;
        }))));
    }
}
