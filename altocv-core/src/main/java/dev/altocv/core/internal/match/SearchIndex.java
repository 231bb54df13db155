package dev.altocv.core.internal.match;

import dev.altocv.core.AltoCvException;
import dev.altocv.core.internal.text.TextTools;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory Lucene index (BM25, plus a vector field when an embedder is used) that finds candidates for
 * re-scoring: documents carry their key, skill ids as exact terms in two fields (shown in experience or required;
 * listed only or preferred) and their text through Lucene's English analyzer. Thread-safe.
 */
public final class SearchIndex {
  static final String KEY = "key";
  static final String SKILL = "skill";
  static final String LISTED = "listed";
  static final String TEXT = "text";
  static final String VECTOR = "vec";

  static final String ORD = "ord";

  private final ByteBuffersDirectory dir = new ByteBuffersDirectory();
  /** Document ordinal to key: results are read from a doc value, not from stored fields (no decompression). */
  private final List<String> keysByOrd = new ArrayList<>();
  private final IndexWriter writer;
  private @Nullable DirectoryReader reader;
  private boolean dirty = true;

  /** Opens an empty index. */
  public SearchIndex() {
    try {
      IndexWriterConfig config = new IndexWriterConfig(TextTools.ENGLISH);
      config.setSimilarity(new BM25Similarity());
      config.setRAMBufferSizeMB(64);
      writer = new IndexWriter(dir, config);
    } catch (IOException e) {
      throw new AltoCvException("could not open the search index: " + e.getMessage(), e);
    }
  }

  /**
   * Adds or replaces a document.
   *
   * @param key its key
   * @param strong skill ids shown strongly (in experience, or required)
   * @param weak skill ids shown weakly (listed only, or preferred)
   * @param text its text
   * @param vector its embedding, or null
   */
  public synchronized void put(String key, Set<Integer> strong, Set<Integer> weak, String text,
      float @Nullable [] vector) {
    Document d = new Document();
    d.add(new StringField(KEY, key, Field.Store.NO));
    d.add(new NumericDocValuesField(ORD, keysByOrd.size()));
    keysByOrd.add(key);
    for (int id : strong) {
      d.add(new StringField(SKILL, Integer.toString(id), Field.Store.NO));
    }
    for (int id : weak) {
      d.add(new StringField(LISTED, Integer.toString(id), Field.Store.NO));
    }
    d.add(new TextField(TEXT, text, Field.Store.NO));
    if (vector != null) {
      d.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.COSINE));
    }
    try {
      writer.updateDocument(new Term(KEY, key), d);
    } catch (IOException e) {
      throw new AltoCvException("could not index " + key + ": " + e.getMessage(), e);
    }
    dirty = true;
  }

  /**
   * Removes a document.
   *
   * @param key its key
   */
  public synchronized void remove(String key) {
    try {
      writer.deleteDocuments(new Term(KEY, key));
    } catch (IOException e) {
      throw new AltoCvException("could not remove " + key + ": " + e.getMessage(), e);
    }
    dirty = true;
  }

  private synchronized IndexSearcher searcher() throws IOException {
    if (dirty || reader == null) {
      DirectoryReader fresh = reader == null ? DirectoryReader.open(writer) : DirectoryReader.openIfChanged(reader,
          writer);
      if (fresh != null) {
        reader = fresh; // old readers are left to the garbage collector: the directory is in memory
      }
      dirty = false;
    }
    IndexSearcher s = new IndexSearcher(reader);
    s.setSimilarity(new BM25Similarity());
    return s;
  }

  /**
   * The keys of the best candidates: BM25 over the skills and text, united with the nearest vectors.
   *
   * @param strong skill ids to look for in the strong field, with boosts
   * @param weak skill ids to look for in the weak field, with boosts
   * @param terms text terms with boosts
   * @param vector the query embedding, or null
   * @param limit how many candidates from each
   * @return keys, best first, without duplicates
   */
  public List<String> candidates(Map<Integer, Float> strong, Map<Integer, Float> weak, Map<String, Float> terms,
      float @Nullable [] vector, int limit) {
    try {
      IndexSearcher s = searcher();
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      int clauses = 0;
      for (Map.Entry<Integer, Float> e : strong.entrySet()) {
        b.add(boost(new TermQuery(new Term(SKILL, e.getKey().toString())), e.getValue()), BooleanClause.Occur.SHOULD);
        clauses++;
      }
      for (Map.Entry<Integer, Float> e : weak.entrySet()) {
        b.add(boost(new TermQuery(new Term(LISTED, e.getKey().toString())), e.getValue()),
            BooleanClause.Occur.SHOULD);
        clauses++;
      }
      for (Map.Entry<String, Float> e : terms.entrySet()) {
        if (clauses >= 900) {
          break;
        }
        b.add(boost(new TermQuery(new Term(TEXT, e.getKey())), e.getValue()), BooleanClause.Occur.SHOULD);
        clauses++;
      }
      Query q = clauses == 0 ? new MatchAllDocsQuery() : b.build();
      Set<String> keys = new LinkedHashSet<>();
      collect(s, s.search(q, limit), keys);
      if (vector != null && s.getIndexReader().numDocs() > 0) {
        collect(s, s.search(new KnnFloatVectorQuery(VECTOR, vector, limit), limit), keys);
      }
      return new ArrayList<>(keys);
    } catch (IOException e) {
      throw new AltoCvException("search failed: " + e.getMessage(), e);
    }
  }

  private static Query boost(Query q, float boost) {
    return boost == 1f ? q : new BoostQuery(q, boost);
  }

  private void collect(IndexSearcher s, TopDocs top, Set<String> keys) throws IOException {
    List<LeafReaderContext> leaves = s.getIndexReader().leaves();
    ScoreDoc[] docs = top.scoreDocs.clone();
    java.util.Arrays.sort(docs, (a, b) -> Integer.compare(a.doc, b.doc));
    String[] found = new String[docs.length];
    int leaf = -1;
    NumericDocValues ords = null;
    for (int i = 0; i < docs.length; i++) {
      int next = ReaderUtil.subIndex(docs[i].doc, leaves);
      if (next != leaf) {
        leaf = next;
        ords = leaves.get(leaf).reader().getNumericDocValues(ORD);
      }
      int local = docs[i].doc - leaves.get(leaf).docBase;
      if (ords != null && ords.advanceExact(local)) {
        found[i] = keysByOrd((int) ords.longValue());
      }
    }
    // back to score order
    java.util.Map<Integer, String> byDoc = new java.util.HashMap<>();
    for (int i = 0; i < docs.length; i++) {
      byDoc.put(docs[i].doc, found[i]);
    }
    for (ScoreDoc sd : top.scoreDocs) {
      String k = byDoc.get(sd.doc);
      if (k != null) {
        keys.add(k);
      }
    }
  }

  private synchronized String keysByOrd(int ord) {
    return keysByOrd.get(ord);
  }
}
