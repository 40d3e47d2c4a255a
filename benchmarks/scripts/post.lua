-- wrk script: the body of a typed household command, as the console sends it
wrk.method = "POST"
wrk.body = '{"text":"turn on the kitchen light","language":"en"}'
wrk.headers["Content-Type"] = "application/json"
