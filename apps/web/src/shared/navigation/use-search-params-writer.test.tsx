import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Suspense, use } from 'react';
import { createMemoryRouter, RouterProvider, useSearchParams } from 'react-router';
import { describe, expect, it, onTestFinished } from 'vitest';
import { useSearchParamsWriter } from './use-search-params-writer.ts';

/**
 * A part of the page that reads the URL and, while `held` is unresolved, suspends on a URL with
 * `?hold`: the router's transition to that URL is held back, as a re-render in another language
 * holds it back in the portal, and the page stays drawn at the URL before.
 */
function Slow({ held }: { held: Promise<void> }) {
  const [params] = useSearchParams();
  if (params.has('hold')) use(held);
  return <p>shown: {params.toString()}</p>;
}

function Filters({ held }: { held: Promise<void> }) {
  const [params, setParams] = useSearchParamsWriter();
  const toggle = (key: string, on: boolean) =>
    setParams(
      (current) => {
        if (on) current.set(key, '1');
        else current.delete(key);
        return current;
      },
      { replace: true },
    );
  return (
    <>
      {['hold', 'a', 'b'].map((key) => (
        <label key={key}>
          <input type="checkbox" checked={params.has(key)} onChange={(e) => toggle(key, e.target.checked)} />
          {key}
        </label>
      ))}
      <Suspense fallback={<p>loading</p>}>
        <Slow held={held} />
      </Suspense>
    </>
  );
}

/**
 * React retries a transition that suspended only outside `act`: the tests that hold one back click
 * as a browser would (`element.click()`) and wait for what follows.
 */
function outsideAct() {
  const global = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
  global.IS_REACT_ACT_ENVIRONMENT = false;
  onTestFinished(() => {
    global.IS_REACT_ACT_ENVIRONMENT = true;
  });
}

function renderFilters(path = '/list') {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const router = createMemoryRouter([{ path: '/list', element: <Filters held={held} /> }], {
    initialEntries: [path],
  });
  render(<RouterProvider router={router} />);
  const box = (name: string) => screen.getByRole('checkbox', { name }) as HTMLInputElement;
  return { router, box, release };
}

describe('useSearchParamsWriter', () => {
  it('shows a click at once while the URL it wrote is held back, then the URL', async () => {
    const { router, box, release } = renderFilters();
    await screen.findByText('shown:');
    outsideAct();

    box('hold').click();
    await waitFor(() => expect(router.state.location.search).toBe('?hold=1'));
    // the page is still drawn at the URL before, but the box follows the click
    await waitFor(() => expect(box('hold').checked).toBe(true));
    expect(screen.getByText('shown:')).toBeTruthy();
    box('a').click();
    await waitFor(() => expect(box('a').checked).toBe(true));
    expect(box('hold').checked).toBe(true);
    expect(screen.getByText('shown:')).toBeTruthy();

    release();
    await screen.findByText('shown: hold=1&a=1');
    expect(box('hold').checked).toBe(true);
    expect(box('a').checked).toBe(true);
  });

  it('builds each write on the one before, even before the page renders again', async () => {
    const { router, box } = renderFilters();
    await screen.findByText('shown:');
    act(() => {
      fireEvent.click(box('a'));
      fireEvent.click(box('b'));
    });
    await waitFor(() => expect(router.state.location.search).toBe('?a=1&b=1'));
    await screen.findByText('shown: a=1&b=1');
  });

  it('gives way to a navigation that did not go through it, even to the URL the writes began at', async () => {
    const { router, box } = renderFilters('/list?b=1');
    await screen.findByText('shown: b=1');

    act(() => fireEvent.click(box('a')));
    await screen.findByText('shown: b=1&a=1');
    // a link back to where the writes began, not written by the page
    await act(() => router.navigate('/list?b=1', { replace: true }));
    await screen.findByText('shown: b=1');
    expect(box('a').checked).toBe(false);
    expect(box('b').checked).toBe(true);

    // the next write builds on that URL, not on the last one written
    act(() => fireEvent.click(box('b')));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(box('a').checked).toBe(false);
    expect(box('b').checked).toBe(false);
  });

  it('gives way to a navigation made while its own write is held back', async () => {
    const { router, box, release } = renderFilters();
    await screen.findByText('shown:');
    outsideAct();
    box('hold').click();
    await waitFor(() => expect(box('hold').checked).toBe(true));
    await waitFor(() => expect(router.state.location.search).toBe('?hold=1'));
    await router.navigate('/list?b=1', { replace: true });
    release();
    await screen.findByText('shown: b=1');
    expect(box('hold').checked).toBe(false);
    expect(box('b').checked).toBe(true);
  });
});
