package appendixfill.spreadsheet;

import appendixfill.ooxml.Markup;
import appendixfill.ooxml.PartText;
import appendixfill.ooxml.Unsupported;
import appendixfill.ooxml.Unsupported.Reason;
import appendixfill.ooxml.Xml;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.NamespaceContext;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * A sheet's comments part being changed: comments removed, added, or given a run of text at
 * their end; the others, with their authors and formatting, kept as they were.
 */
public final class CommentsEdit {

    /** The comments content type. */
    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";

    /**
     * A comment as the part has it.
     *
     * @param author its author's name, "" when it has none
     * @param text its text, runs joined
     * @param runsEnd where a run added at its end goes
     */
    public record Comment(String ref, String author, String text, int start, int end, int runsEnd) {
    }

    private final PartText text;
    private final List<String> authors = new ArrayList<>();
    private final List<Comment> comments = new ArrayList<>();
    private NamespaceContext authorsScope;
    private int authorsEnd = -1;
    private NamespaceContext listScope;
    private int listEnd = -1;
    private final StringBuilder addedAuthors = new StringBuilder();
    private final StringBuilder addedComments = new StringBuilder();

    private CommentsEdit(PartText text) {
        this.text = text;
    }

    /** A comments part as read. */
    public static CommentsEdit of(PartText text) throws Unsupported {
        CommentsEdit edit = new CommentsEdit(text);
        edit.read();
        return edit;
    }

    /** A new, empty comments part. */
    public static CommentsEdit fresh(String part) throws Unsupported {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + Markup.fresh().start(Xml.MAIN, "comments").start(Xml.MAIN, "authors").text("").end(Xml.MAIN, "authors")
                        .start(Xml.MAIN, "commentList").text("").end(Xml.MAIN, "commentList").end(Xml.MAIN, "comments");
        return of(PartText.fresh(part, xml));
    }

    private void read() throws Unsupported {
        XMLStreamReader2 xml = text.reader();
        try {
            if (!Xml.is(xml, Xml.MAIN, "comments")) {
                throw new Unsupported(Reason.MALFORMED_XML, text.part(), "the root is not comments");
            }
            while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                if (Xml.is(xml, Xml.MAIN, "authors")) {
                    authorsScope = xml.getNonTransientNamespaceContext();
                    while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                        authors.add(Xml.text(xml));
                    }
                    authorsEnd = (int) xml.getLocationInfo().getStartingCharOffset();
                } else if (Xml.is(xml, Xml.MAIN, "commentList")) {
                    listScope = xml.getNonTransientNamespaceContext();
                    while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                        comments.add(comment(xml));
                    }
                    listEnd = (int) xml.getLocationInfo().getStartingCharOffset();
                } else {
                    Xml.skip(xml);
                }
            }
        } catch (XMLStreamException e) {
            throw Xml.failure(e, text.part());
        }
        if (authorsScope == null || listScope == null || text.text().charAt(authorsEnd + 1) != '/'
                || text.text().charAt(listEnd + 1) != '/') {
            // <authors/> or <commentList/> written empty: nothing to insert into.
            throw new Unsupported(Reason.MALFORMED_XML, text.part(), "comments without authors or a comment list");
        }
    }

    private Comment comment(XMLStreamReader2 xml) throws XMLStreamException {
        int start = (int) xml.getLocationInfo().getStartingCharOffset();
        String ref = String.valueOf(Xml.attribute(xml, "ref"));
        String authorId = Xml.attribute(xml, "authorId");
        StringBuilder content = new StringBuilder();
        int runsEnd = -1;
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (!Xml.is(xml, Xml.MAIN, "text")) {
                Xml.skip(xml);
                continue;
            }
            while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                if (Xml.is(xml, Xml.MAIN, "t")) {
                    content.append(Xml.text(xml));
                    runsEnd = (int) xml.getLocationInfo().getEndingCharOffset();
                } else if (Xml.is(xml, Xml.MAIN, "r")) {
                    while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                        if (Xml.is(xml, Xml.MAIN, "t")) {
                            content.append(Xml.text(xml));
                        } else {
                            Xml.skip(xml);
                        }
                    }
                    runsEnd = (int) xml.getLocationInfo().getEndingCharOffset();
                } else {
                    Xml.skip(xml); // phonetic runs come after the runs
                }
            }
            if (runsEnd < 0) {
                runsEnd = (int) xml.getLocationInfo().getStartingCharOffset();
            }
        }
        int end = (int) xml.getLocationInfo().getEndingCharOffset();
        String author = "";
        try {
            int id = authorId == null ? -1 : Integer.parseInt(authorId.strip());
            author = id >= 0 && id < authors.size() ? authors.get(id) : "";
        } catch (NumberFormatException e) {
            // An author id that is not a number names no author.
        }
        return new Comment(ref, author, ExcelText.decode(content.toString()), start, end, runsEnd);
    }

    public String part() {
        return text.part();
    }

    public List<Comment> comments() {
        return List.copyOf(comments);
    }

    /** Removes a comment. */
    public void remove(Comment comment) {
        text.replace(comment.start(), comment.end(), "");
    }

    /** Adds a run of text at a comment's end. */
    public void append(Comment comment, String run) {
        if (comment.runsEnd() < 0) {
            throw new IllegalArgumentException("a comment without text: " + comment);
        }
        text.insert(comment.runsEnd(), new Markup(listScope).start(Xml.MAIN, "r").start(Xml.MAIN, "t")
                .attribute(Xml.XML, "space", "preserve").text(ExcelText.encode(run)).end(Xml.MAIN, "t")
                .end(Xml.MAIN, "r").toString());
    }

    /** Adds a comment at the end of the list. */
    public void add(String ref, String author, String content) {
        int authorId = authors.indexOf(author);
        if (authorId < 0) {
            authorId = authors.size();
            authors.add(author);
            addedAuthors.append(new Markup(authorsScope).start(Xml.MAIN, "author").text(author).end(Xml.MAIN, "author"));
        }
        addedComments.append(new Markup(listScope).start(Xml.MAIN, "comment").attribute("ref", ref)
                .attribute("authorId", String.valueOf(authorId)).start(Xml.MAIN, "text").start(Xml.MAIN, "t")
                .attribute(Xml.XML, "space", "preserve").text(ExcelText.encode(content)).end(Xml.MAIN, "t")
                .end(Xml.MAIN, "text").end(Xml.MAIN, "comment"));
    }

    /** The part's text with what was added. */
    public PartText apply() {
        if (addedAuthors.length() > 0) {
            text.insert(authorsEnd, addedAuthors.toString());
            addedAuthors.setLength(0);
        }
        if (addedComments.length() > 0) {
            text.insert(listEnd, addedComments.toString());
            addedComments.setLength(0);
        }
        return text;
    }
}
