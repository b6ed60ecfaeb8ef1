-- Forwards every stable study's CT series to the ISL triage agent (the "isl-agent" modality of orthanc.json).
-- The agent's own results (SR and OT secondary captures) are not CT, so they are never sent back to it;
-- a CT series it already has is acknowledged as a duplicate and does not trigger scoring again.

AGENT_MODALITY = 'isl-agent'

function OnStableStudy(studyId, tags, metadata)
  local series = ParseJson(RestApiGet('/studies/' .. studyId .. '/series'))
  for i, s in pairs(series) do
    if s['MainDicomTags']['Modality'] == 'CT' then
      print('isl: forwarding CT series ' .. s['ID'] .. ' of study ' .. studyId .. ' to ' .. AGENT_MODALITY)
      -- SendToModality() takes instances in Orthanc's Lua; a whole series goes through the REST job.
      RestApiPost('/modalities/' .. AGENT_MODALITY .. '/store', s['ID'])
    end
  end
end
