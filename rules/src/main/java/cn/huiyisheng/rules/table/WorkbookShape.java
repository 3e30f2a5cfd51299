package cn.huiyisheng.rules.table;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * The size of a workbook's sheets, known before the workbook is loaded: each sheet's XML is read
 * as a stream (nothing of it kept), counting rows and cells, and reading stops at the first limit
 * passed. Loading a workbook with POI holds all of it in memory (about 1 GB for 140,000 rows, which
 * fit in 5 MB compressed); this refuses such a file in bounded memory and time.
 */
public final class WorkbookShape {

    /** At most this many uncompressed bytes are read of one part of the file. */
    static final long MAX_PART_BYTES = 64L * 1024 * 1024;

    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private WorkbookShape() {
    }

    /**
     * Refuses the workbook, before it is loaded, if a sheet has more rows or cells than allowed;
     * does nothing for what it cannot read (the loader then says what is wrong with the file).
     */
    public static void check(String sheetLabel, byte[] bytes, int maxRows, int maxCells) {
        // the zip's central directory, read in place (a stream of entries cannot read every zip Excel
        // and POI write: stored entries with data descriptors)
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
            for (ZipArchiveEntry e : java.util.Collections.list(zip.getEntries())) {
                if (!e.getName().startsWith("xl/worksheets/") || !e.getName().endsWith(".xml")) {
                    continue;
                }
                try (InputStream part = new Bounded(zip.getInputStream(e))) {
                    count(sheetLabel, part, maxRows, maxCells);
                }
            }
        } catch (IOException | XMLStreamException | RuntimeException unreadable) {
            if (unreadable instanceof TableRejectedException rejected) {
                throw rejected;
            }
            // not a readable zip or sheet: the workbook loader reports it
        }
    }

    private static void count(String sheetLabel, InputStream sheet, int maxRows, int maxCells) throws XMLStreamException {
        XMLStreamReader xml = XML.createXMLStreamReader(sheet);
        int rows = 0;
        int cells = 0;
        try {
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = xml.getLocalName();
                if (name.equals("row") && ++rows > maxRows) {
                    throw new TableRejectedException(List.of(new TableProblem(sheetLabel, null, "at most " + maxRows + " rows",
                            "more than " + maxRows + " rows (reading stopped there)")));
                }
                if (name.equals("c") && ++cells > maxCells) {
                    throw new TableRejectedException(List.of(new TableProblem(sheetLabel, null, "at most " + maxCells + " cells",
                            "more than " + maxCells + " cells (reading stopped there)")));
                }
            }
        } finally {
            xml.close();
        }
    }

    /** One part of the zip, read up to {@link #MAX_PART_BYTES}. */
    private static final class Bounded extends FilterInputStream {
        private long read;

        Bounded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                tally(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            if (n > 0) {
                tally(n);
            }
            return n;
        }

        private void tally(int n) throws IOException {
            read += n;
            if (read > MAX_PART_BYTES) {
                throw new IOException("part larger than " + MAX_PART_BYTES + " bytes");
            }
        }
    }
}
