-- Forwards each stable study's CT series to the ISL triage agent (the "isl-agent" modality of orthanc.json), once.
--
-- * One C-STORE association per hand-over: every series to send goes in one store job.
-- * Once: the series sent and their instance counts are noted in the study's user metadata "IslForwarded"
--   (declared in orthanc.json). When the agent's SR and heatmap series land, the study becomes stable again;
--   nothing new is CT, so nothing is sent. A CT series that grew since (late instances) or a new CT series is sent.
-- * The agent's own series (SR, secondary captures, Manufacturer "ISL PACS Agent") are never sent.

AGENT_MODALITY = 'isl-agent'
FORWARDED_METADATA = 'IslForwarded'
AGENT_MANUFACTURER = 'ISL PACS Agent'

-- "seriesId=count;seriesId=count" -> { seriesId = count }
local function ParseForwarded(text)
  local forwarded = {}
  for id, count in string.gmatch(text or '', '([^;=]+)=(%d+)') do
    forwarded[id] = tonumber(count)
  end
  return forwarded
end

local function FormatForwarded(forwarded)
  local parts = {}
  for id, count in pairs(forwarded) do
    table.insert(parts, id .. '=' .. count)
  end
  table.sort(parts)
  return table.concat(parts, ';')
end

local function IsAgentOutput(s)
  local tags = s['MainDicomTags']
  return tags['Modality'] ~= 'CT' or tags['Manufacturer'] == AGENT_MANUFACTURER
end

function OnStableStudy(studyId, tags, metadata)
  -- Read through the REST API (absent until the first hand-over: the call fails, nothing was forwarded).
  local found, note = pcall(RestApiGet, '/studies/' .. studyId .. '/metadata/' .. FORWARDED_METADATA)
  local forwarded = ParseForwarded(found and note or '')
  local series = ParseJson(RestApiGet('/studies/' .. studyId .. '/series'))
  local resources = {}
  for i, s in pairs(series) do
    local count = #s['Instances']
    if not IsAgentOutput(s) and forwarded[s['ID']] ~= count then
      table.insert(resources, s['ID'])
      forwarded[s['ID']] = count
    end
  end

  if #resources == 0 then
    print('isl: study ' .. studyId .. ' has nothing new for ' .. AGENT_MODALITY)
    return
  end

  print('isl: forwarding ' .. #resources .. ' CT series of study ' .. studyId .. ' to ' .. AGENT_MODALITY)
  -- Synchronous: the note is written only once the agent has acknowledged the instances.
  local ok, answer = pcall(RestApiPost, '/modalities/' .. AGENT_MODALITY .. '/store',
    DumpJson({ Resources = resources, Synchronous = true }, true))
  if not ok then
    print('isl: forwarding study ' .. studyId .. ' to ' .. AGENT_MODALITY .. ' failed: ' .. tostring(answer))
    return
  end
  RestApiPut('/studies/' .. studyId .. '/metadata/' .. FORWARDED_METADATA, FormatForwarded(forwarded))
end
