import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { SessionProvider } from './auth/SessionProvider';
import { createPortalRouter } from './routes/router';
import { ThemeRoot } from './theme/ThemeRoot';

export function App() {
  const [router] = useState(createPortalRouter);
  return (
    <ThemeRoot>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </ThemeRoot>
  );
}
