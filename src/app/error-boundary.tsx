import { Component, type ReactNode } from 'react';

interface Props {
  /** Any change clears a caught error (the app passes the history entry's key). */
  resetKey: string;
  fallback: (error: unknown) => ReactNode;
  children: ReactNode;
}

interface State {
  failed: boolean;
  error: unknown;
  key: string;
}

/**
 * Catches a crash below it and renders `fallback` instead, until `resetKey` changes: any
 * navigation gives the page a fresh try, as React Router's `errorElement` did.
 */
export class ErrorBoundary extends Component<Props, State> {
  state: State = { failed: false, error: undefined, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { failed: true, error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.key
      ? null
      : { failed: false, error: undefined, key: props.resetKey };
  }

  render() {
    return this.state.failed ? this.props.fallback(this.state.error) : this.props.children;
  }
}
