//! Parquet export (feature `parquet`): the [`CSV_COLUMNS`](crate::CSV_COLUMNS) as typed
//! columns of [`column_type`](crate::column_type) (offsets UInt32, confidence and quantity
//! Float64, cluster Int64, the rest UTF-8; absent or empty values null), written as events stream out of the store: rows
//! go into Arrow builders and leave as a record batch every [`ROWS`] rows, so memory
//! stays flat however many events there are. Dictionary encoding (the parquet crate's
//! default) plus Snappy (pure Rust, cheap to build): the columns repeat heavily (types,
//! codes, outlets, days), so dictionaries do most of the work. Readable by pyarrow,
//! pandas, Polars, DuckDB and Spark.

use crate::export::{cells, Cell, ColumnType};
use crate::{EventRecord, CSV_COLUMNS};
use arrow_array::builder::{
    ArrayBuilder, Float64Builder, Int64Builder, StringBuilder, UInt32Builder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::errors::ParquetError;
use parquet::file::properties::{WriterProperties, WriterVersion};
use std::sync::Arc;

/// Rows per record batch.
pub const ROWS: usize = 64 * 1024;
/// Rows per row group: large enough for good dictionaries and few footers, small enough
/// that a reader can split a large export.
const ROW_GROUP: usize = 256 * 1024;

/// One type table for every typed export: the Python package's Arrow tables use it too.
fn data_type(column: &str) -> DataType {
    match crate::column_type(column) {
        ColumnType::UInt32 => DataType::UInt32,
        ColumnType::Float64 => DataType::Float64,
        ColumnType::Int64 => DataType::Int64,
        ColumnType::Utf8 => DataType::Utf8,
    }
}

enum Column {
    Text(StringBuilder),
    UInt(UInt32Builder),
    Float(Float64Builder),
    Int(Int64Builder),
}

impl Column {
    fn new(t: &DataType) -> Column {
        match t {
            DataType::UInt32 => Column::UInt(UInt32Builder::with_capacity(ROWS)),
            DataType::Float64 => Column::Float(Float64Builder::with_capacity(ROWS)),
            DataType::Int64 => Column::Int(Int64Builder::with_capacity(ROWS)),
            _ => Column::Text(StringBuilder::with_capacity(ROWS, ROWS * 16)),
        }
    }

    /// Appends a cell; a cell of another type than the column's is a bug in `cells`.
    fn push(&mut self, cell: &Cell<'_>) {
        match (self, cell) {
            (Column::Text(b), Cell::Text(s)) if !s.is_empty() => b.append_value(s),
            (Column::Text(b), _) => b.append_null(),
            (Column::UInt(b), Cell::UInt(n)) => b.append_value(*n),
            (Column::UInt(b), _) => b.append_null(),
            (Column::Float(b), Cell::Float(x)) => b.append_value(*x),
            // the value its CSV text (the shortest that reads back as the `f32`) means
            (Column::Float(b), Cell::Float32(x)) => {
                b.append_value(x.to_string().parse().unwrap_or(f64::from(*x)))
            }
            (Column::Float(b), _) => b.append_null(),
            (Column::Int(b), Cell::Int(n)) => b.append_value(*n),
            (Column::Int(b), _) => b.append_null(),
        }
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            Column::Text(b) => Arc::new(b.finish()),
            Column::UInt(b) => Arc::new(b.finish()),
            Column::Float(b) => Arc::new(b.finish()),
            Column::Int(b) => Arc::new(b.finish()),
        }
    }

    fn len(&self) -> usize {
        match self {
            Column::Text(b) => b.len(),
            Column::UInt(b) => b.len(),
            Column::Float(b) => b.len(),
            Column::Int(b) => b.len(),
        }
    }
}

/// Writes event records as Parquet as they come: [`push`](ParquetWriter::push) each,
/// then [`finish`](ParquetWriter::finish).
pub struct ParquetWriter<W: std::io::Write + Send> {
    writer: ArrowWriter<W>,
    schema: Arc<Schema>,
    columns: Vec<Column>,
    rows: usize,
}

impl<W: std::io::Write + Send> ParquetWriter<W> {
    pub fn new(out: W) -> Result<Self, ParquetError> {
        let schema = Arc::new(Schema::new(
            CSV_COLUMNS
                .iter()
                .map(|(c, _)| Field::new(*c, data_type(c), true))
                .collect::<Vec<_>>(),
        ));
        let props = WriterProperties::builder()
            // Version 1 pages: the widest reader support (older Spark and Hive).
            .set_writer_version(WriterVersion::PARQUET_1_0)
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_size(ROW_GROUP)
            .build();
        let writer = ArrowWriter::try_new(out, schema.clone(), Some(props))?;
        let columns = schema
            .fields()
            .iter()
            .map(|f| Column::new(f.data_type()))
            .collect();
        Ok(ParquetWriter {
            writer,
            schema,
            columns,
            rows: 0,
        })
    }

    pub fn push(&mut self, r: &EventRecord) -> Result<(), ParquetError> {
        for (col, cell) in self.columns.iter_mut().zip(cells(r).iter()) {
            col.push(cell);
        }
        self.rows += 1;
        if self.columns[0].len() >= ROWS {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), ParquetError> {
        if self.columns[0].len() == 0 {
            return Ok(());
        }
        let arrays: Vec<ArrayRef> = self.columns.iter_mut().map(Column::finish).collect();
        let batch = RecordBatch::try_new(self.schema.clone(), arrays)?;
        self.writer.write(&batch)
    }

    /// Writes what is buffered and the footer; returns the number of rows.
    pub fn finish(mut self) -> Result<usize, ParquetError> {
        self.flush()?;
        self.writer.close()?;
        Ok(self.rows)
    }
}

/// Writes `records` as Parquet to `out`; returns the number of rows.
pub fn write_parquet<W: std::io::Write + Send>(
    records: &[EventRecord],
    out: W,
) -> Result<usize, ParquetError> {
    let mut w = ParquetWriter::new(out)?;
    for r in records {
        w.push(r)?;
    }
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::{Array, Float64Array, Int64Array, StringArray, UInt32Array};
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    fn record() -> EventRecord {
        let json = r#"{"schema":"sitrep/1","document":"d1","language":"de","published":"2022-02-01",
            "title":null,"url":null,"outlet":"A","day":"2022-02-01","evidence_text":"Russland droht.",
            "cluster":3,"event":{"id":"v1","type":"THREATEN","mode":null,"cameo":null,
            "source":[{"code":"RUS","entity":null,"text":"Russland","start":0,"end":8}],"target":[],
            "modality":"asserted","trigger":{"start":9,"end":14,"text":"droht"},
            "evidence":{"start":0,"end":15},"rule":"test","confidence":0.7}}"#;
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn every_column_is_written_typed_across_batches() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("e.parquet");
        let n = ROWS + 10;
        let mut w = ParquetWriter::new(std::fs::File::create(&p).unwrap()).unwrap();
        let mut r = record();
        for i in 0..n {
            r.cluster = Some(i as i64);
            w.push(&r).unwrap();
        }
        assert_eq!(w.finish().unwrap(), n);
        let reader = ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(&p).unwrap())
            .unwrap()
            .build()
            .unwrap();
        let batches: Vec<RecordBatch> = reader.map(|b| b.unwrap()).collect();
        assert_eq!(batches.iter().map(|b| b.num_rows()).sum::<usize>(), n);
        let b = &batches[0];
        let schema = b.schema();
        let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
        assert_eq!(names, CSV_COLUMNS.iter().map(|c| c.0).collect::<Vec<_>>());
        let col = |name: &str| b.column(b.schema().index_of(name).unwrap()).clone();
        let text = |name: &str| {
            col(name)
                .as_any()
                .downcast_ref::<StringArray>()
                .unwrap()
                .clone()
        };
        assert_eq!(text("source").value(0), "RUS");
        assert!(text("target").is_null(0), "no target actor is null");
        assert!(text("mode").is_null(0));
        assert_eq!(text("trigger").value(0), "droht");
        let end = col("evidence_end");
        assert_eq!(
            end.as_any().downcast_ref::<UInt32Array>().unwrap().value(0),
            15
        );
        let conf = col("confidence");
        assert_eq!(
            conf.as_any()
                .downcast_ref::<Float64Array>()
                .unwrap()
                .value(0),
            0.7, // the CSV text's value, not 0.699999988079071
        );
        let last = batches.last().unwrap();
        let clusters = last.column(last.num_columns() - 1);
        let clusters = clusters.as_any().downcast_ref::<Int64Array>().unwrap();
        assert_eq!(clusters.value(clusters.len() - 1), (n - 1) as i64);
    }
}
