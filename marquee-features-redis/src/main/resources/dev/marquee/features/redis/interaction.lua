-- A run of interactions' shared (commutative) effects, atomically (one call per run of a writer's chunk). Upper-case constants are rendered
-- from the config. ARGV is a sequence of events, each: video dense, event time ms, type (0 impression, 1 click,
-- 2 short view, 3 long view, 4 share), k, k segment suffixes, m, m co-watch partner dense ids.
-- Video record (big-endian): creator+1, category+1, language+1, duration (int32); upload time, landmark (int64);
-- totals of impression, click, long view, share, view (int64); 1 h then 24 h forward-decayed counters of the
-- first four (double). 0 in an id or the landmark means absent.
local P = '${PREFIX}'
local t
local records = {}
local increments = {}

local function fmt(x) return string.format('%.17g', x) end

-- A video's record, read once per call and written back at the end.
local function record(v)
  local r = records[v]
  if r then return r end
  local rec = redis.call('GET', P .. 'v:' .. v) or ''
  if #rec < 136 then rec = rec .. string.rep('\0', 136 - #rec) end
  r = {}
  r.cr, r.cat = struct.unpack('>i4i4', rec)
  r.L = struct.unpack('>i8', rec, 25)
  r.tot = { struct.unpack('>i8i8i8i8i8', rec, 33) }
  r.dec = { struct.unpack('>dddddddd', rec, 73) }
  records[v] = r
  return r
end

local function count(r, sig)
  r.tot[sig + 1] = r.tot[sig + 1] + 1
  if sig >= 4 then return end
  local dec = r.dec
  if r.L == 0 then
    r.L = t
  elseif t - r.L > ${VIDEO_RENORM} then
    local fh = math.exp((r.L - t) * ${RATE_HOUR})
    local fd = math.exp((r.L - t) * ${RATE_DAY})
    for s = 1, 4 do
      dec[s] = dec[s] * fh
      dec[s + 4] = dec[s + 4] * fd
    end
    r.L = t
  end
  dec[sig + 1] = dec[sig + 1] + math.exp((t - r.L) * ${RATE_HOUR})
  dec[sig + 5] = dec[sig + 5] + math.exp((t - r.L) * ${RATE_DAY})
end

-- Group totals (overall, category, creator) are summed per call and added with one BITFIELD per key.
local function bump(key, sig)
  local g = increments[key]
  if not g then
    g = { 0, 0, 0, 0 }
    increments[key] = g
  end
  g[sig + 1] = g[sig + 1] + 1
end

local function group(r, sig)
  bump(P .. 'g:all', sig)
  if r.cat > 0 then bump(P .. 'g:c:' .. (r.cat - 1), sig) end
  if r.cr > 0 then bump(P .. 'g:r:' .. (r.cr - 1), sig) end
end

local function zincr(key, span, rate, member, keep)
  local e = math.floor(t / span)
  local k = key .. ':' .. e
  redis.call('ZINCRBY', k, fmt(math.exp((t - e * span) * rate)), member)
  if redis.call('ZCARD', k) > keep then redis.call('ZREMRANGEBYRANK', k, 0, -keep - 1) end
end

local i = 1
local n = #ARGV
while i <= n do
  local v = ARGV[i]
  t = tonumber(ARGV[i + 1])
  local ty = tonumber(ARGV[i + 2])
  local k = tonumber(ARGV[i + 3])
  local segs = i + 4
  local m = tonumber(ARGV[segs + k])
  local partners = segs + k + 1
  i = partners + m
  local r = record(v)
  if ty == 0 then
    count(r, 0); group(r, 0)
  elseif ty == 1 then
    count(r, 1); group(r, 1)
  elseif ty == 4 then
    count(r, 3); group(r, 3)
  elseif ty == 2 then
    count(r, 4)
  else
    count(r, 4); count(r, 2); group(r, 2)
    for s = segs, segs + k - 1 do zincr(P .. 'pop:s:' .. ARGV[s], ${POP_SPAN}, ${RATE_POP}, v, ${SEGMENT_KEEP}) end
    zincr(P .. 'tr:all', ${TREND_SPAN}, ${RATE_HOUR}, v, ${SEGMENT_KEEP})
    if r.cat > 0 then
      zincr(P .. 'pop:c:' .. (r.cat - 1), ${POP_SPAN}, ${RATE_POP}, v, ${CATEGORY_KEEP})
      zincr(P .. 'tr:c:' .. (r.cat - 1), ${TREND_SPAN}, ${RATE_HOUR}, v, ${CATEGORY_KEEP})
    end
    for s = partners, partners + m - 1 do
      zincr(P .. 'cw:' .. v, ${COWATCH_SPAN}, ${RATE_COWATCH}, ARGV[s], ${COWATCH_KEEP})
      zincr(P .. 'cw:' .. ARGV[s], ${COWATCH_SPAN}, ${RATE_COWATCH}, v, ${COWATCH_KEEP})
    end
  end
end
for v, r in pairs(records) do
  local tot, dec = r.tot, r.dec
  redis.call('SETRANGE', P .. 'v:' .. v, 24, struct.pack('>i8i8i8i8i8i8dddddddd', r.L, tot[1], tot[2], tot[3], tot[4],
    tot[5], dec[1], dec[2], dec[3], dec[4], dec[5], dec[6], dec[7], dec[8]))
end
for key, g in pairs(increments) do
  local args = { 'BITFIELD', key }
  for s = 1, 4 do
    if g[s] > 0 then
      args[#args + 1] = 'INCRBY'
      args[#args + 1] = 'i64'
      args[#args + 1] = '#' .. (s - 1)
      args[#args + 1] = g[s]
    end
  end
  redis.call(unpack(args))
end
return 1
