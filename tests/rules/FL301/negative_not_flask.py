# A FastAPI-style app: `@app.get` here is not Flask's, and `request` is a parameter.
from fastapi import FastAPI

app = FastAPI()


@app.get("/items")
async def items(request):
    return await request.json()
