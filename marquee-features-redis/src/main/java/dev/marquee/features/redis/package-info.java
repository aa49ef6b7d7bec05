/**
 * {@link dev.marquee.features.redis.RedisFeatureStore}: the feature store kept in Redis, shared by several
 * feature-updater processes (Kafka consumer-group members, each owning some user-id partitions and writing
 * under its own writer id) and any number of serving nodes. Reads have the in-memory store's semantics: per-user
 * state is the in-memory state machine serialised as a compact binary blob (layout in {@code UserStateBlobs}:
 * the snapshot encoding of one user), read-modify-written only by the writer that owns the user's partition;
 * everything several writers share is commutative: forward-decayed sums (Cormode et al., ICDE 2009) updated by
 * atomic Lua scripts and ZINCRBY, never read-modify-written across the network. A writer commits each chunk of
 * records in one MULTI/EXEC together with its offset; interaction event ids are claimed with SET NX (TTL) so a
 * replay or a duplicate append changes nothing.
 *
 * <p>Key layout ({@code P} = {@link dev.marquee.features.redis.RedisStoreConfig#keyPrefix()}, ids are dense,
 * numbers in decimal; all keys of a store must be on one Redis instance: standalone or primary + replicas):
 * <pre>
 * P d:{kind}:h        hash   external id -> dense id        } kind = user, video, creator, category, language,
 * P d:{kind}:l        list   external ids in dense order    } country, device, ageBand (intern.lua appends)
 * P u:{user}          string user blob (UserState snapshot encoding), EX userTtl (stale users expire)
 * P tomb:{user}       string deletion time ms (events of the user at or before it are skipped)
 * P e:{hash hex}      string "writerId@offset" that claimed an interaction's event id, EX eventIdTtl
 * P applied           hash   writerId -> last committed offset
 * P v:{video}         string 136 B big-endian: creator+1, category+1, language+1, duration (int32), upload time,
 *                            landmark (int64, 0 unset), totals impression/click/long view/share/view (int64),
 *                            1 h then 24 h decayed impression/click/long view/share (double); 0 = absent
 * P vm:{video}        string video metadata (VideoMetadataCodec)
 * P g:all             string 4 x int64 overall totals (impression, click, long view, share; BITFIELD INCRBY)
 * P g:c:{category}    string same 4 totals for a category
 * P g:r:{creator}     string same 4 totals, then upload landmark (int64) and decayed uploads (double)
 * P up:{category}     zset   video -> upload time ms, newest recentUploadsPerCategory kept
 * P pop:s:{seg}:{e}   zset   video -> forward-decayed long views of a segment, seg = level:country:device:age
 * P pop:c:{cat}:{e}   zset   same per category;   P tr:all:{e}, P tr:c:{cat}:{e}  trending (1 h half-life)
 * P cw:{video}:{e}    zset   neighbour -> forward-decayed co-watch weight
 * </pre>
 * {@code e} is the decay epoch (512 half-lives, see {@code EpochDecay}); reads merge epochs e and e − 1. Sorted
 * sets are trimmed to twice the in-memory capacity. Every read is one pipelined round trip that also fetches the
 * applied offsets (videoFeatures: a second one only for groups this node has not seen yet).
 */
package dev.marquee.features.redis;
