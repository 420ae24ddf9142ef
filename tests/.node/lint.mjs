// Reads a JSON list of Cypher queries on stdin; writes, for each, its diagnostics
// from Neo4j's own parser (lintCypherQuery) as a JSON list on stdout. Parameters are
// supplied at run time, so "parameter not defined" diagnostics are left out.
import { isNotParamError, lintCypherQuery } from '@neo4j-cypher/language-support';

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const results = JSON.parse(input).map((query) =>
    lintCypherQuery(query, {}).diagnostics.filter(isNotParamError).map((d) => ({
      severity: d.severity, message: d.message, offset: d.offsets.start,
    })));
  process.stdout.write(JSON.stringify(results));
});
