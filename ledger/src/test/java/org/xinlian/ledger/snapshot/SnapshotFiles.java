package org.xinlian.ledger.snapshot;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.xinlian.ledger.snapshot.SnapshotRecordReader.Record;

/**
 * Takes a snapshot file apart into records and puts it back together with fresh CRCs and SHA-256,
 * so tests can produce files that are well formed but whose content lies.
 */
final class SnapshotFiles {
  private SnapshotFiles() {}

  static List<Record> records(byte[] file) {
    SnapshotRecordReader reader = new SnapshotRecordReader(new ByteArrayInputStream(file));
    List<Record> records = new ArrayList<>();
    Record record;
    do {
      record = reader.next();
      records.add(record);
    } while (record.type() != SnapshotFormat.RECORD_END);
    reader.finish();
    return records;
  }

  static byte[] seal(List<Record> records) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SnapshotRecordWriter writer = new SnapshotRecordWriter(out);
    for (Record record : records) {
      writer.write(record.type(), record.body(), new byte[0]);
    }
    writer.finish();
    return out.toByteArray();
  }

  /** The file with the {@code index}-th record of {@code type} replaced, re-sealed. */
  static byte[] rewrite(byte[] file, byte type, int index, UnaryOperator<byte[]> change) {
    List<Record> records = new ArrayList<>(records(file));
    int seen = 0;
    for (int position = 0; position < records.size(); position++) {
      Record record = records.get(position);
      if (record.type() == type && seen++ == index) {
        records.set(position, new Record(type, change.apply(record.body().clone()), record.offset()));
        return seal(records);
      }
    }
    throw new IllegalArgumentException("the file has no record " + index + " of type " + type);
  }

  static int count(byte[] file, byte type) {
    return (int) records(file).stream().filter(record -> record.type() == type).count();
  }
}
