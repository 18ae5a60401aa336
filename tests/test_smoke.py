async def test_smoke(client, api_headers):
    r = await client.post("/meet/api/v1/rooms", json={"roomName": "x"}, headers=api_headers)
    assert r.status_code == 201
