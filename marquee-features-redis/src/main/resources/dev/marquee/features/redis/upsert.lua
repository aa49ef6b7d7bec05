-- A video upsert, atomically: metadata header of the video record, metadata blob, recent uploads per category,
-- and (first upsert only) the creator's forward-decayed upload count.
-- ARGV: video dense, creator, category, language (-1 none), duration s, uploaded at ms, metadata blob.
local P = '${PREFIX}'
local v = ARGV[1]
local cr = tonumber(ARGV[2])
local cat = tonumber(ARGV[3])
local up = tonumber(ARGV[6])
local vk = P .. 'v:' .. v
local head = redis.call('GETRANGE', vk, 0, 7)
local oldCr, oldCat = 0, 0
if #head == 8 then oldCr, oldCat = struct.unpack('>i4i4', head) end
if oldCat > 0 then redis.call('ZREM', P .. 'up:' .. (oldCat - 1), v) end
redis.call('SETRANGE', vk, 0, struct.pack('>i4i4i4i4i8', cr + 1, cat + 1, tonumber(ARGV[4]) + 1, tonumber(ARGV[5]), up))
redis.call('SET', P .. 'vm:' .. v, ARGV[7])
if oldCr == 0 then
  local gk = P .. 'g:r:' .. cr
  local g = redis.call('GETRANGE', gk, 32, 47)
  local L, u = 0, 0.0
  if #g == 16 then L, u = struct.unpack('>i8d', g) end
  if L == 0 then
    L = up
  elseif up - L > ${UPLOAD_RENORM} then
    u = u * math.exp((L - up) * ${RATE_UPLOAD})
    L = up
  end
  u = u + math.exp((up - L) * ${RATE_UPLOAD})
  redis.call('SETRANGE', gk, 32, struct.pack('>i8d', L, u))
end
local uk = P .. 'up:' .. cat
redis.call('ZADD', uk, up, v)
redis.call('ZREMRANGEBYRANK', uk, 0, -${UPLOADS_KEEP} - 1)
return 1
