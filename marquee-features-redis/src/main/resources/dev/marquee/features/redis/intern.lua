-- Atomic dense-id assignment. KEYS[1] = hash external -> dense, KEYS[2] = list of externals in dense order.
-- ARGV = external ids; returns their dense ids (new ids are the list index, so every node replays the list).
local out = {}
for i = 1, #ARGV do
  local d = redis.call('HGET', KEYS[1], ARGV[i])
  if not d then
    d = redis.call('RPUSH', KEYS[2], ARGV[i]) - 1
    redis.call('HSET', KEYS[1], ARGV[i], d)
  end
  out[i] = tonumber(d)
end
return out
