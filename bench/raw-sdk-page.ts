/**
 * The baseline for time to first token: the official OpenAI SDK called directly from the same extension
 * page, against the same gateway double, the first token written into the page and painted.
 */
import OpenAI from 'openai';

async function firstToken(baseURL: string, model: string): Promise<{ started: number; painted: number }> {
  const target = document.createElement('p');
  document.body.append(target);
  const started = performance.timeOrigin + performance.now();
  const client = new OpenAI({
    baseURL,
    apiKey: 'sk-yaita-bench',
    dangerouslyAllowBrowser: true,
    maxRetries: 0,
  });
  const stream = await client.chat.completions.create({
    model,
    stream: true,
    messages: [{ role: 'user', content: '要約してください。' }],
  });
  let painted = 0;
  for await (const chunk of stream) {
    const text = chunk.choices[0]?.delta?.content;
    if (!text || painted) continue;
    target.textContent = text;
    painted = await new Promise<number>((resolve) =>
      requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now())),
    );
  }
  target.remove();
  return { started, painted };
}

Object.assign(globalThis, { rawSdk: { firstToken } });
