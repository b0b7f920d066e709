//! Parquet export (feature `parquet`): the [`CSV_COLUMNS`](crate::CSV_COLUMNS) as typed
//! columns (offsets as UInt32, quantity and confidence as Float64, cluster as Int64, the
//! rest as UTF-8; absent values null), Snappy-compressed, readable by pandas, Polars,
//! DuckDB and Spark.

use crate::{csv_row, EventRecord, CSV_COLUMNS};
use arrow_array::{ArrayRef, Float64Array, Int64Array, RecordBatch, StringArray, UInt32Array};
use arrow_schema::{DataType, Field, Schema};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use std::sync::Arc;

/// Rows per record batch (and so per row group at most).
const ROWS: usize = 64 * 1024;

fn data_type(column: &str) -> DataType {
    match column {
        "evidence_start" | "evidence_end" => DataType::UInt32,
        "quantity" | "confidence" => DataType::Float64,
        "cluster" => DataType::Int64,
        _ => DataType::Utf8,
    }
}

/// Writes `records` as Parquet to `out`; returns the number of rows.
pub fn write_parquet<W: std::io::Write + Send>(
    records: &[EventRecord],
    out: W,
) -> Result<usize, parquet::errors::ParquetError> {
    let schema = Arc::new(Schema::new(
        CSV_COLUMNS
            .iter()
            .map(|(c, _)| Field::new(*c, data_type(c), true))
            .collect::<Vec<_>>(),
    ));
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .build();
    let mut writer = ArrowWriter::try_new(out, schema.clone(), Some(props))?;
    for chunk in records.chunks(ROWS) {
        let rows: Vec<Vec<String>> = chunk.iter().map(csv_row).collect();
        let columns: Vec<ArrayRef> = CSV_COLUMNS
            .iter()
            .enumerate()
            .map(|(i, (c, _))| {
                let cells = rows
                    .iter()
                    .map(|r| Some(r[i].as_str()).filter(|s| !s.is_empty()));
                // The typed cells were written by `csv_row` from numbers, so they parse.
                let array: ArrayRef = match data_type(c) {
                    DataType::UInt32 => Arc::new(
                        cells
                            .map(|s| s.and_then(|s| s.parse().ok()))
                            .collect::<UInt32Array>(),
                    ),
                    DataType::Float64 => Arc::new(
                        cells
                            .map(|s| s.and_then(|s| s.parse().ok()))
                            .collect::<Float64Array>(),
                    ),
                    DataType::Int64 => Arc::new(
                        cells
                            .map(|s| s.and_then(|s| s.parse().ok()))
                            .collect::<Int64Array>(),
                    ),
                    _ => Arc::new(cells.collect::<StringArray>()),
                };
                array
            })
            .collect();
        let batch = RecordBatch::try_new(schema.clone(), columns)?;
        writer.write(&batch)?;
    }
    writer.close()?;
    Ok(records.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use parquet::file::reader::{FileReader, SerializedFileReader};

    #[test]
    fn every_column_is_written_with_its_rows() {
        let json = r#"{"schema":"sitrep/1","document":"d1","language":"de","published":"2022-02-01",
            "title":null,"url":null,"outlet":"A","day":"2022-02-01","evidence_text":"Russland droht.",
            "cluster":3,"event":{"id":"v1","type":"THREATEN","mode":null,"cameo":null,
            "source":[{"code":"RUS","entity":null,"text":"Russland","start":0,"end":8}],"target":[],
            "modality":"asserted","trigger":{"start":9,"end":14,"text":"droht"},
            "evidence":{"start":0,"end":15},"rule":"test","confidence":0.5}}"#;
        let r: EventRecord = serde_json::from_str(json).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("e.parquet");
        let n = write_parquet(&[r.clone(), r], std::fs::File::create(&p).unwrap()).unwrap();
        assert_eq!(n, 2);
        let reader = SerializedFileReader::new(std::fs::File::open(&p).unwrap()).unwrap();
        let meta = reader.metadata();
        assert_eq!(meta.file_metadata().num_rows(), 2);
        let names: Vec<&str> = meta
            .file_metadata()
            .schema_descr()
            .columns()
            .iter()
            .map(|c| c.name())
            .collect();
        assert_eq!(names, CSV_COLUMNS.iter().map(|c| c.0).collect::<Vec<_>>());
    }
}
