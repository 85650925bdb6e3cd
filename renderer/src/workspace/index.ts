export { useWorkspace } from './useWorkspace';
export { WorkspaceProvider } from './WorkspaceProvider';
export { WorkspaceContext, type Workspace } from './WorkspaceContext';
export * from './periods';
